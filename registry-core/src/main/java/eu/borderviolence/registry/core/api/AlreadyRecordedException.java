package eu.borderviolence.registry.core.api;

/**
 * The very thing a command asks to record is already recorded, for example a testimony attached twice. A client
 * retrying a request that did get through sees this; the API turns it back into the original answer.
 */
public class AlreadyRecordedException extends RefusedException {

    public AlreadyRecordedException(String message) {
        super(message);
    }
}
