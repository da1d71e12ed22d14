package eu.borderviolence.registry.core.api.figures;

import eu.borderviolence.registry.core.api.IncidentId;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * One line of a breakdown: the incidents under {@code key} (a border leg such as {@code HU-RS}, a country, a month
 * such as {@code 2023-07}, a quarter such as {@code 2023-Q3}, a code) and their people, each incident once.
 */
@Schema(description = "One line of a breakdown: incidents and people under a key, each incident once.")
public record Count(
        @Schema(description = "What is counted: a border leg (HU-RS), a route (AT-SI-HR-BA), a country, a month "
                + "(2023-07), a quarter (2023-Q3), a code, or 'undated'.", example = "HU-RS") String key,
        @Schema(description = "Incidents counted.") long incidents,
        @Schema(description = "People affected: the sum of the known group sizes.") long people,
        @Schema(description = "The incidents counted, when asked for; otherwise absent.") List<IncidentId> incidentIds) {
}
