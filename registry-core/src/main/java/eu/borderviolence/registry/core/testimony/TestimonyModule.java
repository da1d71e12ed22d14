package eu.borderviolence.registry.core.testimony;

import eu.borderviolence.registry.core.incident.Incident;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;

/**
 * Registers the testimony aggregate, the intake handler and the vault that seals witnesses' data with an Axon
 * configuration. Needs the {@link eu.borderviolence.registry.core.incident.IncidentModule} too.
 */
public class TestimonyModule implements ConfigurerModule {

    private final WitnessVault vault;

    public TestimonyModule(WitnessVault vault) {
        this.vault = vault;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.registerComponent(WitnessVault.class, config -> vault);
        configurer.configureAggregate(Testimony.class);
        configurer.registerCommandHandler(config -> new TestimonyIntake(
                config.repository(Incident.class), config.repository(Testimony.class), vault));
    }
}
