package eu.borderviolence.registry.core.api.figures;

import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.FrontexRole;
import eu.borderviolence.registry.core.api.IncidentDate;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.IncidentStatus;
import eu.borderviolence.registry.core.api.ViolationCode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** An incident in search results: a summary of its facts. No testimony and no witness data. */
@Schema(description = "Summary of one incident's facts; the whole record is at /api/v1/incidents/{incidentId}.")
public record IncidentSearchHit(
        @Schema(description = "The incident.") IncidentId incidentId,
        @Schema(description = "ACTIVE or RETRACTED.") IncidentStatus status,
        @Schema(description = "The kind of incident.") IncidentKind kind,
        @Schema(description = "Confidence status.") ConfidenceStatus confidence,
        @Schema(description = "When it happened, as precisely as known.") IncidentDate date,
        @Schema(description = "The country where it happened, if recorded.") CountryCode placeCountry,
        @Schema(description = "The route, leg by leg.") List<BorderLeg> borderLegs,
        @Schema(description = "Size of the group, if known.") Integer groupSize,
        @Schema(description = "Minors in the group, if known.") Integer minors,
        @Schema(description = "Violations recorded.") Set<ViolationCode> violations,
        @Schema(description = "Frontex's role, if Frontex was present.") FrontexRole frontex,
        @Schema(description = "Whether officers of a third state took part.") boolean foreignOfficers,
        @Schema(description = "When the record last changed.") Instant lastChangedAt) {
}
