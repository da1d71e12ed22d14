package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/** How a testimony was taken: when and where, in which language, with an interpreter or not, and with what consent. */
@Schema(description = "How the testimony was taken. Contains no personal data.")
public record TestimonyCircumstances(
        @Schema(description = "Day the testimony was recorded.", example = "2023-07-16", requiredMode = Schema.RequiredMode.REQUIRED)
        LocalDate recordedOn,
        @Schema(description = "Country where it was recorded.", example = "RS", requiredMode = Schema.RequiredMode.REQUIRED)
        CountryCode recordedIn,
        @Schema(description = "Place of recording: town, camp or squat.", example = "Subotica", maxLength = 200)
        String recordedAt,
        @Schema(description = "Language the witness spoke, as a BCP 47 tag.", example = "ps", requiredMode = Schema.RequiredMode.REQUIRED)
        String language,
        @Schema(description = "Whether an interpreter was used.")
        boolean interpreterUsed,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        Consent consent) {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");

    public TestimonyCircumstances {
        Objects.requireNonNull(recordedOn, "the day the testimony was recorded is required");
        Objects.requireNonNull(recordedIn, "the country the testimony was recorded in is required");
        recordedAt = Text.optional(recordedAt, 200, "place of recording");
        if (language == null || !LANGUAGE_TAG.matcher(language).matches() || language.length() > 35) {
            throw new IllegalArgumentException("language must be a BCP 47 language tag such as ps, fa-AF or ar");
        }
        Objects.requireNonNull(consent, "the witness's consent is required");
    }
}
