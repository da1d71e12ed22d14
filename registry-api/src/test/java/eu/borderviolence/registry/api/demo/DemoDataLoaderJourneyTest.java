package eu.borderviolence.registry.api.demo;

import eu.borderviolence.registry.RegistryApplication;
import eu.borderviolence.registry.core.api.CorrectIncidentFactsCommand;
import eu.borderviolence.registry.core.api.CorroborateIncidentCommand;
import eu.borderviolence.registry.core.api.MergeIncidentsCommand;
import eu.borderviolence.registry.core.api.RetractIncidentCommand;
import eu.borderviolence.registry.core.api.SubmitTestimonyCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo loader in the real application on a real H2 file database: it fills an empty registry through the
 * aggregates, the views take the data in, a restart with the property still set leaves the registry alone, and no
 * log line carries a witness's data.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoDataLoaderJourneyTest {

    private static final long SEED = 5;
    private static final int TESTIMONIES = 90;

    @Test
    void loadsTheDemoIntoAnEmptyRegistryOnceAndLogsOnlyCounts(@TempDir Path dataDir, CapturedOutput output)
            throws InterruptedException {
        List<DemoStep> steps = DemoDataSet.generate(SEED, TESTIMONIES);
        long newIncidents = steps.stream()
                .filter(step -> step.command() instanceof SubmitTestimonyCommand s && !s.existingIncident()).count();

        try (ConfigurableApplicationContext app = start(dataDir)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(storedEvents(jdbc)).isEqualTo(expectedEvents(steps));
            assertThat(awaitSummaries(jdbc, newIncidents)).isEqualTo(newIncidents);
        }
        assertThat(output).contains("Demo data loaded: " + steps.size() + " steps");

        try (ConfigurableApplicationContext app = start(dataDir)) {
            assertThat(storedEvents(app.getBean(JdbcTemplate.class))).isEqualTo(expectedEvents(steps));
        }
        assertThat(output).contains("Demo data not loaded: the event store already holds events");
        assertThat(output).doesNotContain("Witness-", "demo-contact-", "The police caught us", "Polis ");
    }

    private ConfigurableApplicationContext start(Path dataDir) {
        RegistryApplication.disableAxonUpdateChecker();
        return new SpringApplicationBuilder(RegistryApplication.class).run(
                "--server.port=0",
                "--registry.data-dir=" + dataDir,
                "--registry.demo.load=true",
                "--registry.demo.seed=" + SEED,
                "--registry.demo.testimonies=" + TESTIMONIES);
    }

    /** Three events for a new incident's testimony, two for a further one, two for a merge, one for the rest. */
    private static long expectedEvents(List<DemoStep> steps) {
        return steps.stream().mapToLong(step -> {
            Object command = step.command();
            if (command instanceof SubmitTestimonyCommand submission) {
                return submission.existingIncident() ? 2 : 3;
            }
            if (command instanceof MergeIncidentsCommand) {
                return 2;
            }
            if (command instanceof CorrectIncidentFactsCommand || command instanceof CorroborateIncidentCommand
                    || command instanceof RetractIncidentCommand) {
                return 1;
            }
            throw new AssertionError("unexpected command " + command.getClass());
        }).sum();
    }

    private static long storedEvents(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static long awaitSummaries(JdbcTemplate jdbc, long expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        long summaries = 0;
        while (Instant.now().isBefore(deadline)) {
            summaries = jdbc.queryForObject("select count(*) from incident_summary", Long.class);
            if (summaries >= expected) {
                return summaries;
            }
            Thread.sleep(200);
        }
        return summaries;
    }
}
