package eu.borderviolence.registry.core.api.figures;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** One page of search results. */
@Schema(description = "One page of incident search results.")
public record IncidentSearchPage(
        @Schema(description = "The incidents on this page.") List<IncidentSearchHit> items,
        @Schema(description = "This page's number, from 0.") int page,
        @Schema(description = "The page size asked for.") int size,
        @Schema(description = "All incidents matching.") long totalItems) {
}
