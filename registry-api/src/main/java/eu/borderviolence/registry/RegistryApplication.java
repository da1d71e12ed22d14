package eu.borderviolence.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The pushback incident registry. Sits in the root package so that scanning finds the projections and the API.
 */
@SpringBootApplication
public class RegistryApplication {

    public static void main(String[] args) {
        disableAxonUpdateChecker();
        SpringApplication.run(RegistryApplication.class, args);
    }

    /**
     * Axon 4.12 otherwise calls an AxonIQ server at start-up. The registry runs on NGOs' own machines and must make no
     * outbound connection by itself, so this is set before Spring starts, whatever the configuration says.
     */
    public static void disableAxonUpdateChecker() {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }
}
