package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Objects;

/** How many people of one nationality were in the group; the count is optional when only the presence is known. */
@Schema(description = "People of one nationality in the group.")
public record NationalityCount(
        @Schema(description = "Nationality, ISO 3166-1 alpha-2.", example = "AF", requiredMode = Schema.RequiredMode.REQUIRED)
        CountryCode nationality,
        @Schema(description = "How many people of this nationality, if known.", example = "7", minimum = "1")
        Integer count) {

    public NationalityCount {
        Objects.requireNonNull(nationality, "nationality is required");
        if (count != null && (count < 1 || count > PeopleAffected.MAX_GROUP_SIZE)) {
            throw new IllegalArgumentException("nationality count must be between 1 and " + PeopleAffected.MAX_GROUP_SIZE);
        }
    }
}
