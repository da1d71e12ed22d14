package eu.borderviolence.registry.api.integrity;

import io.swagger.v3.oas.annotations.media.Schema;

/** The outcome of recomputing the hash chain over the event store. */
@Schema(description = "The outcome of recomputing the hash chain over the event store.")
public record ChainVerification(
        @Schema(description = "True when every linked event is unchanged and no link is missing or out of place.")
        boolean intact,
        @Schema(description = "Links checked, each against the event it names.") long checked,
        @Schema(description = "The highest global position a link names.") long linkedThrough,
        @Schema(description = "The chain hash of the last link. Note it down with 'checked': a later verification "
                + "whose chain, cut at the same number of links, ends in another hash means the history was "
                + "rewritten, chain included.") String headHash,
        @Schema(description = "Events stored after the last link, not yet linked: writes that arrived while the "
                + "verification ran.") long pendingEvents,
        @Schema(description = "The first broken link, when the chain is not intact.") BrokenLink firstBrokenLink) {

    /** Where the chain first breaks, and how. */
    @Schema(description = "Where the chain first breaks, and how.")
    public record BrokenLink(
            @Schema(description = "Global position of the event or link.") long position,
            @Schema(description = "The event's identifier, as stored in the chain or the event table.")
            String eventIdentifier,
            @Schema(description = "EVENT_ALTERED: the stored event differs from the one linked; EVENT_MISSING: a "
                    + "linked event is gone; LINK_ALTERED: a link does not follow from its predecessor; "
                    + "EVENT_UNLINKED: an event was inserted behind linked ones.") Problem problem) {
    }

    /** The ways a chain breaks. */
    public enum Problem {
        EVENT_ALTERED, EVENT_MISSING, LINK_ALTERED, EVENT_UNLINKED
    }
}
