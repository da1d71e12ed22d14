package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Objects;

/** The particulars of a readmission deportation: its legal basis, the states, a prior Dublin transfer, documents. */
@Schema(description = "Particulars of a readmission deportation.")
public record Readmission(
        @Schema(description = "Legal instrument the return relied on.", requiredMode = Schema.RequiredMode.REQUIRED)
        LegalBasis legalBasis,
        @Schema(description = "State that returned the person.", example = "RO", requiredMode = Schema.RequiredMode.REQUIRED)
        CountryCode sendingState,
        @Schema(description = "State the person was returned to.", example = "RS", requiredMode = Schema.RequiredMode.REQUIRED)
        CountryCode receivingState,
        @Schema(description = "Dublin transfer that preceded the readmission, if any.")
        DublinTransfer priorDublinTransfer,
        @Schema(description = "References of official documents such as decision numbers.")
        List<String> documentReferences) {

    public Readmission {
        Objects.requireNonNull(legalBasis, "legal basis is required (UNKNOWN if not known)");
        Objects.requireNonNull(sendingState, "sending state is required");
        Objects.requireNonNull(receivingState, "receiving state is required");
        if (sendingState.equals(receivingState)) {
            throw new IllegalArgumentException("sending and receiving state must differ");
        }
        if (priorDublinTransfer != null && !priorDublinTransfer.toState().equals(sendingState)) {
            throw new IllegalArgumentException("a prior Dublin transfer must have brought the person to the sending state");
        }
        documentReferences = documentReferences == null ? List.of()
                : documentReferences.stream().map(ref -> Text.required(ref, 100, "document reference")).toList();
        if (documentReferences.size() > 20) {
            throw new IllegalArgumentException("at most 20 document references");
        }
    }
}
