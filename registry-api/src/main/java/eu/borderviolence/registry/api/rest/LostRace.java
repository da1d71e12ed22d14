package eu.borderviolence.registry.api.rest;

import org.axonframework.modelling.command.ConcurrencyException;

import java.util.function.Supplier;

/**
 * Sends a command again when it lost a race that says nothing about its content. Two nodes appending to one incident
 * at once collide on the event table's unique (aggregate, sequence) index; the loser's transaction rolled back whole.
 * A command that does not rest on a version the client saw (no If-Match: a further testimony, a corroboration, a
 * merge or retraction without If-Match) is then simply sent again, on the incident as it now stands, and the client
 * never sees the race. A command with If-Match is not: the incident changed under the client, who must look again
 * (412). Creations that collide ({@code AggregateStreamCreationException}) are retries of one request meeting, which
 * {@code IdempotentRequests} answers; they are not retried here.
 */
final class LostRace {

    /** Enough for a handful of writers on one incident at the same instant; beyond that the client is told (409). */
    static final int ATTEMPTS = 3;

    private LostRace() {
    }

    static <T> T retried(Supplier<T> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (ConcurrencyException lost) {
                if (attempt == ATTEMPTS) {
                    throw lost;
                }
            }
        }
    }

    /** Retried only when the command rests on no version ({@code expected} is null). */
    static <T> T retriedUnlessVersioned(Long expected, Supplier<T> command) {
        return expected == null ? retried(command) : command.get();
    }
}
