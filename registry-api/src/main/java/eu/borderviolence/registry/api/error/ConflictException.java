package eu.borderviolence.registry.api.error;

/** The request conflicts with what is under way, such as a second rebuild of a view. Answered with 409. */
public class ConflictException extends RuntimeException {

    private final String type;

    public ConflictException(String type, String detail) {
        super(detail);
        this.type = type;
    }

    /** The problem type, the last segment of its URI. */
    public String type() {
        return type;
    }
}
