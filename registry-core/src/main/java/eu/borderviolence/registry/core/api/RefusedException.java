package eu.borderviolence.registry.core.api;

/**
 * A command that makes no sense in the incident's or testimony's current state, such as correcting a retracted
 * incident. The message is a domain message for the user and never contains personal data.
 */
public class RefusedException extends RuntimeException {

    public RefusedException(String message) {
        super(message);
    }
}
