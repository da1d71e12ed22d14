package eu.borderviolence.registry.api.error;

import java.time.Duration;

/** The views did not catch up with the writes within the bounded wait of a {@code consistency=STRONG} read. */
public class ConsistencyTimeoutException extends RuntimeException {

    public ConsistencyTimeoutException(Duration waited) {
        super("The views did not catch up with the latest writes within " + waited.toMillis()
                + " ms; retry the read shortly.");
    }
}
