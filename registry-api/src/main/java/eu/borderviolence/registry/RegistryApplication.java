package eu.borderviolence.registry;

import eu.borderviolence.registry.api.storage.RegistryCopy;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Arrays;

/**
 * The pushback incident registry. Sits in the root package so that scanning finds the projections and the API.
 */
@SpringBootApplication
public class RegistryApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("copy-to-postgres")) {
            // A one-off tool, not the service: copies an H2 registry to PostgreSQL (docs/operations.md).
            System.exit(RegistryCopy.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
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
