package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Personal data of a witness and their own words. Everything in here can identify a person, so all of it is
 * {@link PersonalData}: it lives only in the testimony's events and never in incident events, views, logs or errors.
 */
@PersonalData
@Schema(description = "Personal data of the witness and their narrative. Never shown in errors, logs or aggregate views.")
public record WitnessAccount(
        @PersonalData
        @Schema(description = "Pseudonym the witness is known by in the registry.", example = "A.K.", maxLength = 100)
        String pseudonym,
        @PersonalData
        @Schema(description = "Age in years, if given.", example = "16", minimum = "0", maximum = "120")
        Integer age,
        @PersonalData
        @Schema(description = "Age band when the exact age is unknown or withheld.")
        AgeBand ageBand,
        @PersonalData
        @Schema(description = "Gender as the witness states it.")
        Gender gender,
        @PersonalData
        @Schema(description = "The witness's nationality.", example = "AF")
        CountryCode nationality,
        @PersonalData
        @Schema(description = "Whether the witness is an unaccompanied minor.")
        Boolean unaccompaniedMinor,
        @PersonalData
        @Schema(description = "How to reach the witness (phone, messenger), if they agreed.", maxLength = 200)
        String contact,
        @PersonalData
        @Schema(description = "The account in the witness's own language; any script.", maxLength = 20000)
        String narrative,
        @PersonalData
        @Schema(description = "Translation of the account into English.", maxLength = 20000)
        String narrativeTranslation) {

    public WitnessAccount {
        pseudonym = Text.optional(pseudonym, 100, "pseudonym");
        if (age != null && (age < 0 || age > 120)) {
            throw new IllegalArgumentException("age must be between 0 and 120");
        }
        contact = Text.optional(contact, 200, "contact");
        narrative = Text.optional(narrative, 20_000, "narrative");
        narrativeTranslation = Text.optional(narrativeTranslation, 20_000, "narrative translation");
    }

    /** Deliberately says nothing about the content, so an accidental log line cannot leak it. */
    @Override
    public String toString() {
        return "WitnessAccount[personal data withheld]";
    }
}
