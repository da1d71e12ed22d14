package eu.borderviolence.registry.core.api.figures;

import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.ViolationCode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The figures of a set of incidents. Each incident is counted once, however many legs, authorities or groups of the
 * view it appears in; its people are added once. Counts of people add up what the records say: an incident whose
 * group size is not known adds nothing to {@code people} and is counted in {@code incidentsWithoutGroupSize}.
 */
@Schema(description = "Figures of a set of incidents; each incident and its people counted once.")
public record Figures(
        @Schema(description = "Incidents counted.") long incidents,
        @Schema(description = "People affected: the sum of the known group sizes.") long people,
        @Schema(description = "Incidents whose group size is not known.") long incidentsWithoutGroupSize,
        @Schema(description = "Minors (under 18) among the people.") long minors,
        @Schema(description = "Unaccompanied minors among the minors.") long unaccompaniedMinors,
        @Schema(description = "Children under 14 among the minors.") long childrenUnder14,
        @Schema(description = "Women among the people.") long women,
        @Schema(description = "Incidents in which asylum was asked for and refused.") long asylumRefused,
        @Schema(description = "Incidents in which asylum was asked for and ignored.") long asylumIgnored,
        @Schema(description = "Incidents per violation code, for the codes recorded at least once.")
        Map<ViolationCode, Long> violations,
        @Schema(description = "The incidents counted, when asked for (listIncidents=true); otherwise absent.")
        List<IncidentId> incidentIds) {
}
