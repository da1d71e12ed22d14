package eu.borderviolence.registry.api.integrity;

import eu.borderviolence.registry.RegistryApplication;
import eu.borderviolence.registry.api.integrity.ChainVerification.Problem;
import eu.borderviolence.registry.core.api.Actor;
import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.CorroborateIncidentCommand;
import eu.borderviolence.registry.core.api.CorroborationSource;
import eu.borderviolence.registry.core.api.IncidentDate;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.ReportIncidentCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chain in the real application on an H2 file: linked in global order while eight writers store events at
 * once, and when it links a backlog stored while it was stopped, in batches of up to 1,000 events; intact when
 * nothing was touched, and broken at the right place when one stored event is edited or deleted with plain SQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntegrityChainTest {

    private static final Actor MONITOR = new Actor("monitor-17", "klikaktiv");
    private static final int WRITERS = 8;
    private static final int INCIDENTS_PER_WRITER = 25;
    private static final int EVENTS_PER_ROUND = WRITERS * INCIDENTS_PER_WRITER * 2;

    @TempDir
    static Path dataDir;
    private ConfigurableApplicationContext app;
    private JdbcTemplate jdbc;
    private ChainVerifier verifier;

    @BeforeAll
    void storeEventsFromConcurrentWriters() throws Exception {
        RegistryApplication.disableAxonUpdateChecker();
        // Batches of up to 1,000 events: a backlog may then be linked in more than one slice (500) per batch.
        app = new SpringApplicationBuilder(RegistryApplication.class).run("--server.port=0",
                "--registry.data-dir=" + dataDir, "--axon.eventhandling.processors.integrity-chain.batch-size=1000");
        jdbc = app.getBean(JdbcTemplate.class);
        verifier = app.getBean(ChainVerifier.class);
        storeConcurrently();
        awaitLinked(EVENTS_PER_ROUND);
        // Then the chain stops while as many events again are stored, and links them all in one go when it starts.
        EventProcessor chain = app.getBean(EventProcessingConfiguration.class)
                .eventProcessor(IntegrityChain.PROCESSING_GROUP).orElseThrow();
        chain.shutDown();
        storeConcurrently();
        assertThat(jdbc.queryForObject("select count(*) from event_chain", Integer.class)).isEqualTo(EVENTS_PER_ROUND);
        chain.start();
        awaitLinked(2 * EVENTS_PER_ROUND);
    }

    private void storeConcurrently() throws Exception {
        CommandGateway commands = app.getBean(CommandGateway.class);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            done.add(writers.submit(() -> {
                for (int i = 0; i < INCIDENTS_PER_WRITER; i++) {
                    IncidentId id = IncidentId.random();
                    commands.sendAndWait(new ReportIncidentCommand(id, IncidentFacts.pushback(
                            IncidentDate.exactDay(LocalDate.of(2023, 7, 1 + i)), BorderLeg.of("HU", "RS")), MONITOR));
                    commands.sendAndWait(new CorroborateIncidentCommand(id, null, CorroborationSource.MEDICAL_REPORT,
                            "MR-" + i, null, MONITOR));
                }
                return null;
            }));
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        writers.shutdown();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    @Order(1)
    void everyEventIsLinkedInGlobalOrderAndTheChainIsIntact() {
        List<Long> linked = jdbc.queryForList("select global_index from event_chain order by global_index", Long.class);
        List<Long> stored = jdbc.queryForList("select global_index from domain_event_entry order by global_index",
                Long.class);
        assertThat(linked).isEqualTo(stored).hasSize(2 * EVENTS_PER_ROUND);

        ChainVerification verification = verifier.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.firstBrokenLink()).isNull();
        assertThat(verification.checked()).isEqualTo(stored.size());
        assertThat(verification.linkedThrough()).isEqualTo(stored.get(stored.size() - 1));
        assertThat(verification.pendingEvents()).isZero();
        assertThat(verification.headHash()).hasSize(64);
    }

    @Test
    @Order(2)
    void anEventEditedWithPlainSqlIsReportedAsTheFirstBrokenLink() {
        long position = nthPosition(40);
        Map<String, Object> original = jdbc.queryForMap("select payload from domain_event_entry where global_index = ?",
                position);
        byte[] payload = (byte[]) original.get("PAYLOAD");
        // One character more: still valid JSON, the same facts to a reader, yet not the event that was stored.
        byte[] edited = (new String(payload, java.nio.charset.StandardCharsets.UTF_8) + " ")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        jdbc.update("update domain_event_entry set payload = ? where global_index = ?", edited, position);

        ChainVerification verification = verifier.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenLink().position()).isEqualTo(position);
        assertThat(verification.firstBrokenLink().problem()).isEqualTo(Problem.EVENT_ALTERED);

        jdbc.update("update domain_event_entry set payload = ? where global_index = ?", payload, position);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    @Order(3)
    void anEventInsertedBehindTheChainsBackIsReported() {
        long copied = nthPosition(10);
        jdbc.update("insert into domain_event_entry (" + StoredEventRow.COLUMNS + ") select 0, 'forged-event', "
                + "aggregate_identifier, sequence_number + 1000, type, time_stamp, payload_type, payload_revision, "
                + "payload, meta_data from domain_event_entry where global_index = ?", copied);

        ChainVerification verification = verifier.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenLink().eventIdentifier()).isEqualTo("forged-event");
        assertThat(verification.firstBrokenLink().problem()).isEqualTo(Problem.EVENT_UNLINKED);

        jdbc.update("delete from domain_event_entry where global_index = 0");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    @Order(4)
    void aDeletedEventIsReportedWhereItWas() {
        long position = nthPosition(100);
        jdbc.update("create table deleted_event as select * from domain_event_entry where global_index = ?", position);
        jdbc.update("delete from domain_event_entry where global_index = ?", position);

        ChainVerification verification = verifier.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenLink().position()).isEqualTo(position);
        assertThat(verification.firstBrokenLink().problem()).isEqualTo(Problem.EVENT_MISSING);

        jdbc.update("insert into domain_event_entry select * from deleted_event");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    @Order(5)
    void deletingTheEventAndItsLinkBreaksTheNextLink() {
        long link = jdbc.queryForObject("select link_number from event_chain order by link_number "
                + "offset 200 rows fetch next 1 rows only", Long.class);
        long position = jdbc.queryForObject("select global_index from event_chain where link_number = ?", Long.class,
                link);
        long next = jdbc.queryForObject("select global_index from event_chain where link_number = ?", Long.class,
                link + 1);
        jdbc.update("delete from domain_event_entry where global_index = ?", position);
        jdbc.update("delete from event_chain where link_number = ?", link);

        ChainVerification verification = verifier.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenLink().position()).isEqualTo(next);
        assertThat(verification.firstBrokenLink().problem()).isEqualTo(Problem.LINK_ALTERED);
    }

    private long nthPosition(int n) {
        return jdbc.queryForObject("select global_index from domain_event_entry order by global_index "
                + "offset ? rows fetch next 1 rows only", Long.class, n);
    }

    private void awaitLinked(int events) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Integer linked = jdbc.queryForObject("select count(*) from event_chain", Integer.class);
            if (linked != null && linked >= events) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the chain did not link every event within a minute");
    }
}
