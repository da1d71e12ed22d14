package eu.borderviolence.registry.api.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.api.error.IdempotencyKeyReusedException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The idempotency records on their own table, against H2, with the event store stubbed. */
class IdempotentRequestsTest {

    private final EventStore events = mock(EventStore.class);
    private final AtomicInteger runs = new AtomicInteger();
    private JdbcTemplate jdbc;
    private IdempotentRequests requests;

    @BeforeEach
    void createTable() throws Exception {
        jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/common/V3__idempotency.sql")));
        requests = new IdempotentRequests(jdbc, new ObjectMapper(), Clock.systemUTC(), events);
    }

    private IdempotentRequests.Outcome<String> run(String key, Map<String, ?> body, RuntimeException failure) {
        return requests.execute("ngo", "testimonies", key, body, String.class, name -> {
            runs.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return "created";
        }, name -> requests.storedVersion("aggregate-of-" + key).map(version -> "created"));
    }

    @Test
    void aRetryReturnsTheFirstResultWithoutRunningAgain() {
        assertThat(run("k1", Map.of("a", 1), null)).isEqualTo(new IdempotentRequests.Outcome<>("created", false));
        assertThat(run("k1", Map.of("a", 1), null)).isEqualTo(new IdempotentRequests.Outcome<>("created", true));
        assertThat(runs).hasValue(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        run("k1", Map.of("a", 1), null);
        assertThatThrownBy(() -> run("k1", Map.of("a", 2), null)).isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void aCollisionWithTheEarlierAttemptsStoredAggregateIsAReplay() {
        when(events.lastSequenceNumberFor("aggregate-of-k1")).thenReturn(Optional.of(0L));
        assertThat(run("k1", Map.of("a", 1), new AggregateStreamCreationException("exists")))
                .isEqualTo(new IdempotentRequests.Outcome<>("created", true));
    }

    @Test
    void aConflictWithSomeoneElsesChangeIsNotMistakenForAReplay() {
        when(events.lastSequenceNumberFor("aggregate-of-k1")).thenReturn(Optional.empty());
        ConcurrencyException conflict = new ConcurrencyException("another testimony attached at the same moment");
        assertThatThrownBy(() -> run("k1", Map.of("a", 1), conflict)).isSameAs(conflict);

        // Nothing was stored, so the record is gone and a retry runs the work again.
        assertThat(jdbc.queryForObject("select count(*) from idempotency_record", Integer.class)).isZero();
        assertThat(run("k1", Map.of("a", 1), null)).isEqualTo(new IdempotentRequests.Outcome<>("created", false));
    }

    @Test
    void aRefusedRequestLeavesNoRecord() {
        assertThatThrownBy(() -> run("k1", Map.of("a", 1), new IllegalStateException("refused")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(run("k1", Map.of("a", 2), null).replayed()).isFalse();
    }
}
