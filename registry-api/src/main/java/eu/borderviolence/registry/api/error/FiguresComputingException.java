package eu.borderviolence.registry.api.error;

import java.time.Duration;

/**
 * The figures asked for take longer to compute than a request waits, or too many are being computed at once.
 * Answered with 503 and Retry-After; in the first case the computation goes on and its answer is kept, so the
 * same question asked again is answered from it.
 */
public class FiguresComputingException extends RuntimeException {

    private FiguresComputingException(String message) {
        super(message);
    }

    public static FiguresComputingException stillComputing(Duration waited) {
        return new FiguresComputingException("The figures take longer than " + waited.toSeconds()
                + " s to compute. They are being computed and will be kept: ask again in a few seconds.");
    }

    public static FiguresComputingException tooMany() {
        return new FiguresComputingException("Too many different figures are being computed at once. Ask again in a "
                + "few seconds.");
    }
}
