package eu.borderviolence.registry.api.rest;

import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.TestimonyCircumstances;
import eu.borderviolence.registry.core.api.WitnessAccount;
import io.swagger.v3.oas.annotations.media.Schema;

/** A testimony as a field monitor submits it. */
@Schema(description = "A testimony. Without incidentId it reports a new incident with the facts in 'incident'; "
        + "with incidentId it is attached to that existing incident.")
public record TestimonySubmission(
        @Schema(description = "Existing incident this testimony is about; leave out to report a new incident.")
        IncidentId incidentId,
        @Schema(description = "How the testimony was taken.", requiredMode = Schema.RequiredMode.REQUIRED)
        TestimonyCircumstances circumstances,
        @Schema(description = "The incident as this witness tells it. Required when reporting a new incident.")
        IncidentFacts incident,
        @Schema(description = "The witness's personal data and narrative.")
        WitnessAccount witness) {
}
