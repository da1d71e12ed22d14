package eu.borderviolence.registry.api.views;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** Where one view stands: live and how far behind, or rebuilding and how far along. */
@Schema(description = "Where one view stands: live and how far behind, or rebuilding and how far along.")
public record ViewStatus(
        @Schema(description = "The view: its processor's name.", example = "incident-facts") String view,
        @Schema(description = "LIVE: serving and following the events; REBUILDING: replaying the event store, "
                + "answers 503 until done; STOPPED: this node does not run it and some segment has no node with a "
                + "live claim on it (nodes stopped, or one died less than the claim timeout ago).") State state,
        @Schema(description = "Global position the view has processed up to (its slowest segment).") long position,
        @Schema(description = "Global position of the newest stored event.") long head,
        @Schema(description = "Events stored that the view has not processed yet: head minus position.") long behind,
        @Schema(description = "The rebuild under way, or the last one recorded, if the view was ever rebuilt.")
        Rebuild rebuild) {

    /** The states of a view. */
    public enum State {
        LIVE, REBUILDING, STOPPED
    }

    /** One rebuild of a view from the event store. */
    @Schema(description = "One rebuild of a view from the event store.")
    public record Rebuild(
            @Schema(description = "Who asked for it.") String requestedBy,
            @Schema(description = "When it was asked for.") Instant requestedAt,
            @Schema(description = "The head position when the replay began: the rebuild is done when the view "
                    + "has processed up to it.") long target,
            @Schema(description = "Events processed since the replay began.") long processed,
            @Schema(description = "Percent of the replay done, 0 to 100.") double percentDone,
            @Schema(description = "Events processed per second since the replay began.") double eventsPerSecond,
            @Schema(description = "Estimated seconds left, from the rate so far; absent until there is a rate.")
            Long secondsLeft,
            @Schema(description = "When the replay reached its target; absent while it runs.") Instant finishedAt) {
    }
}
