package eu.borderviolence.registry.core.testimony;

import eu.borderviolence.registry.core.incident.Incident;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;

/**
 * Registers the testimony aggregate and the intake handler with an Axon configuration. Needs the
 * {@link eu.borderviolence.registry.core.incident.IncidentModule} too.
 */
public class TestimonyModule implements ConfigurerModule {

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(Testimony.class);
        configurer.registerCommandHandler(config -> new TestimonyIntake(
                config.repository(Incident.class), config.repository(Testimony.class)));
    }
}
