package eu.borderviolence.registry.api.error;

/** An Idempotency-Key sent again with a different request body. Answered with 422. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used with a different request body; use a new key for a new request.");
    }
}
