package eu.borderviolence.registry.api.error;

/** A request body over the configured limit. Answered with 413. */
public class PayloadTooLargeException extends RuntimeException {

    private final long maxBytes;

    public PayloadTooLargeException(long maxBytes) {
        super("The request body is larger than the " + maxBytes + " bytes this registry accepts.");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
