package eu.borderviolence.registry.api.views;

import eu.borderviolence.registry.api.error.InvalidRequestException;
import eu.borderviolence.registry.core.api.AgencyType;
import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.ViolationCode;
import eu.borderviolence.registry.core.api.figures.FigureFilter;
import io.swagger.v3.oas.annotations.Parameter;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The filters every view takes, as query parameters; see {@link FigureFilter} for what each means. */
@ParameterObject
public record FigureParameters(
        @Parameter(description = "First day (YYYY-MM-DD): incidents whose earliest possible day is on or after it.")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @Parameter(description = "Last day (YYYY-MM-DD): incidents whose earliest possible day is on or before it.")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @Parameter(description = "Only incidents of this kind.") IncidentKind kind,
        @Parameter(description = "Only incidents with one of these confidence statuses; repeat the parameter for "
                + "several.") List<ConfidenceStatus> confidence,
        @Parameter(description = "Only incidents that passed this directed leg, FROM-TO.", example = "HU-RS")
        String borderLeg,
        @Parameter(description = "Only incidents touching this country (place, route, readmission states).",
                example = "RS") CountryCode country,
        @Parameter(description = "Only incidents with an authority of this country.", example = "HR")
        CountryCode authorityCountry,
        @Parameter(description = "With authorityCountry: only that country's agency of this kind.") AgencyType agency,
        @Parameter(description = "Only incidents in which someone of this nationality was affected.", example = "AF")
        CountryCode nationality,
        @Parameter(description = "Only incidents in which this violation was recorded.") ViolationCode violation,
        @Parameter(description = "Count retracted incidents too (false by default). Merged duplicates are never "
                + "counted: their survivor is.") Boolean includeRetracted) {

    private static final Pattern LEG = Pattern.compile("^([A-Z]{2})-([A-Z]{2})$");

    /** The filter these parameters describe; a 400 problem naming the parameter when they do not fit together. */
    public FigureFilter filter() {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("from", "must not be after to");
        }
        if (agency != null && authorityCountry == null) {
            throw new InvalidRequestException("agency", "needs authorityCountry");
        }
        return new FigureFilter(from, to, kind,
                confidence == null || confidence.isEmpty() ? null : EnumSet.copyOf(confidence), leg(borderLeg),
                country, authorityCountry, agency, nationality, violation, Boolean.TRUE.equals(includeRetracted));
    }

    /** A directed leg written FROM-TO, such as HU-RS; null when absent; a 400 problem naming borderLeg when malformed. */
    public static BorderLeg leg(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher matcher = LEG.matcher(value.trim());
        if (!matcher.matches()) {
            throw new InvalidRequestException("borderLeg", "must be two country codes joined by '-', e.g. HU-RS");
        }
        try {
            return BorderLeg.of(matcher.group(1), matcher.group(2));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("borderLeg", e.getMessage());
        }
    }
}
