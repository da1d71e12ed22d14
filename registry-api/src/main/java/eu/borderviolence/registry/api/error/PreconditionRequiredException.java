package eu.borderviolence.registry.api.error;

/** A change that must say which version it is based on came without If-Match. Answered with 428. */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException() {
        super("Send the incident's current version in If-Match (the ETag of GET /api/v1/incidents/{id}), so that a "
                + "change made in the meantime is not overwritten.");
    }
}
