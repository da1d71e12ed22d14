package eu.borderviolence.registry.core.incident;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;

/** Registers the incident aggregate and the merge handler with an Axon configuration, Spring or not. */
public class IncidentModule implements ConfigurerModule {

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureAggregate(Incident.class);
        configurer.registerCommandHandler(config -> new IncidentMerging(config.repository(Incident.class)));
    }
}
