package eu.borderviolence.registry.api.error;

/** Nothing in the registry has the identifier asked for. Answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super("No " + what + " with id " + id + " is in the registry.");
    }
}
