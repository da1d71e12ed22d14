package eu.borderviolence.registry.api.demo;

import eu.borderviolence.registry.core.api.RegistryMetaData;
import eu.borderviolence.registry.core.api.SubmitTestimonyCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Loads the {@link DemoDataSet} at start-up into an empty registry, when {@code registry.demo.load=true}. Every step
 * goes through the command gateway like an API request, with the step's actor and a correlation id in its metadata,
 * so the demo's history looks like one recorded by people. A registry that already holds events is left alone, which
 * also makes a restart with the property still set harmless.
 *
 * <p>Logs counts only: the data set is synthetic, but the loader follows the rule that no personal data is logged.
 */
@Component
@ConditionalOnProperty(name = "registry.demo.load", havingValue = "true")
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final int PROGRESS_EVERY = 100;

    private final EventStore eventStore;
    private final CommandGateway commandGateway;
    private final long seed;
    private final int testimonies;

    public DemoDataLoader(EventStore eventStore, CommandGateway commandGateway,
                          @Value("${registry.demo.seed:" + DemoDataSet.DEFAULT_SEED + "}") long seed,
                          @Value("${registry.demo.testimonies:" + DemoDataSet.DEFAULT_TESTIMONIES + "}") int testimonies) {
        this.eventStore = eventStore;
        this.commandGateway = commandGateway;
        this.seed = seed;
        this.testimonies = testimonies;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!eventStoreIsEmpty()) {
            log.info("Demo data not loaded: the event store already holds events");
            return;
        }
        List<DemoStep> steps = DemoDataSet.generate(seed, testimonies);
        log.info("Loading demo data: {} steps (seed {}, {} testimonies requested)", steps.size(), seed, testimonies);
        int submissions = 0;
        for (int i = 0; i < steps.size(); i++) {
            send(steps.get(i), i + 1);
            if (steps.get(i).command() instanceof SubmitTestimonyCommand) {
                submissions++;
            }
            if ((i + 1) % PROGRESS_EVERY == 0) {
                log.info("Demo data: {} of {} steps sent", i + 1, steps.size());
            }
        }
        log.info("Demo data loaded: {} steps, {} of them testimonies", steps.size(), submissions);
    }

    /**
     * Axon's storage engines answer {@code null} for the head token of an empty store (the JPA and JDBC engines find
     * no maximum global index, the in-memory one no events); a token without a position is treated as empty too.
     */
    private boolean eventStoreIsEmpty() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null || head.position().isEmpty();
    }

    private void send(DemoStep step, int number) {
        String correlationId = "demo-" + seed + "-step-" + number;
        try {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(step.command())
                    .andMetaData(RegistryMetaData.of(step.actor(), correlationId, null)));
        } catch (RuntimeException e) {
            // The command's content stays out of the message: witness accounts are personal data, even made-up ones.
            throw new IllegalStateException("Demo data load stopped at step " + number + " ("
                    + step.command().getClass().getSimpleName() + "); the registry now holds the steps before it",
                    e);
        }
    }
}
