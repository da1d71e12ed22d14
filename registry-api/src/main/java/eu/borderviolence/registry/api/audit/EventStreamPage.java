package eu.borderviolence.registry.api.audit;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A page of the event stream. */
@Schema(description = "A page of the event stream, in position order.")
public record EventStreamPage(
        @Schema(description = "The events after the requested position, at most 'limit' of them.")
        List<StoredEvent> events,
        @Schema(description = "Pass this as 'after' to read the next page.")
        long next,
        @Schema(description = "Whether more events followed when this page was read.")
        boolean hasMore) {
}
