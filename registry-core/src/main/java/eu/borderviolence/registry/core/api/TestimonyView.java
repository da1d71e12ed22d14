package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One testimony as recorded: the circumstances, the incident as the witness told it, and the witness's account. */
@Schema(description = "One testimony as recorded, with the witness's personal data.")
public record TestimonyView(
        @Schema(description = "The testimony.") TestimonyId testimonyId,
        @Schema(description = "The incident it was recorded about (it may since have been merged into another).")
        IncidentId incidentId,
        @Schema(description = "When, where and how it was recorded, and the witness's consent.")
        TestimonyCircumstances circumstances,
        @Schema(description = "The incident as this witness told it, if they told it.") IncidentFacts reportedFacts,
        @Schema(description = "The witness's account: personal data. Absent once erased.")
        @PersonalData WitnessAccount witness,
        @Schema(description = "True once the witness's data was erased (consent withdrawn): it can never be read "
                + "again.") boolean witnessErased,
        @Schema(description = "Who recorded it.") Actor recordedBy,
        @Schema(description = "When it was stored.") Instant recordedAt) {

    @Override
    public String toString() {
        return "TestimonyView[" + testimonyId + ", witness withheld]";
    }
}
