package eu.borderviolence.registry.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * When an incident happened, with the precision the witness could give.
 *
 * <p>Whatever the precision, the date is stored as the inclusive period {@code earliest..latest} it stands for, so
 * that date-range filters and quarterly figures treat every precision the same way. Clients may send the short forms
 * {@code date} (exact day), {@code month} (day unknown) or {@code year} (month unknown) instead of the period.
 */
@Schema(description = "When the incident happened, with its precision. Send precision plus either date (EXACT_DAY), "
        + "month (DAY_UNKNOWN), year (MONTH_UNKNOWN), or earliest and latest (ESTIMATED_RANGE).")
public record IncidentDate(
        @Schema(description = "How precisely the date is known.", requiredMode = Schema.RequiredMode.REQUIRED)
        DatePrecision precision,
        @Schema(description = "First day of the period the incident falls in.", example = "2023-07-14")
        LocalDate earliest,
        @Schema(description = "Last day of the period the incident falls in.", example = "2023-07-14")
        LocalDate latest,
        @Schema(description = "Part of the day, if known.")
        TimeOfDay timeOfDay) {

    public IncidentDate {
        Objects.requireNonNull(precision, "date precision is required");
        if (earliest == null || latest == null) {
            throw new IllegalArgumentException("the date or period is required for precision " + precision);
        }
        if (earliest.isAfter(latest)) {
            throw new IllegalArgumentException("earliest must not be after latest");
        }
        switch (precision) {
            case EXACT_DAY -> require(earliest.equals(latest), "an exact day is a single day");
            case DAY_UNKNOWN -> require(earliest.getDayOfMonth() == 1
                            && latest.equals(YearMonth.from(earliest).atEndOfMonth()),
                    "a date with unknown day must span exactly one calendar month");
            case MONTH_UNKNOWN -> require(earliest.getDayOfYear() == 1
                            && latest.equals(earliest.withMonth(12).withDayOfMonth(31)),
                    "a date with unknown month must span exactly one calendar year");
            case ESTIMATED_RANGE -> require(!latest.isAfter(earliest.plusYears(2)),
                    "an estimated range may span at most two years");
        }
    }

    @JsonCreator
    static IncidentDate fromJson(@JsonProperty("precision") DatePrecision precision,
                                 @Schema(description = "Short form for EXACT_DAY: the day.", example = "2023-07-14")
                                 @JsonProperty("date") LocalDate date,
                                 @Schema(description = "Short form for DAY_UNKNOWN: the month (YYYY-MM).", example = "2023-07")
                                 @JsonProperty("month") YearMonth month,
                                 @Schema(description = "Short form for MONTH_UNKNOWN: the year.", example = "2023")
                                 @JsonProperty("year") Integer year,
                                 @JsonProperty("earliest") LocalDate earliest,
                                 @JsonProperty("latest") LocalDate latest,
                                 @JsonProperty("timeOfDay") TimeOfDay timeOfDay) {
        if (precision == null) {
            throw new IllegalArgumentException("date precision is required");
        }
        // A date given in two forms is two answers to "when"; taking one would silently drop the other.
        int forms = (date != null ? 1 : 0) + (month != null ? 1 : 0) + (year != null ? 1 : 0)
                + (earliest != null || latest != null ? 1 : 0);
        if (forms > 1) {
            throw new IllegalArgumentException(
                    "give the date either as earliest and latest or as one of date, month or year");
        }
        if (earliest != null || latest != null) {
            return new IncidentDate(precision, earliest, latest, timeOfDay);
        }
        return switch (precision) {
            case EXACT_DAY -> date == null ? missing(precision, "date") : exactDay(date).at(timeOfDay);
            case DAY_UNKNOWN -> month == null ? missing(precision, "month") : inMonth(month).at(timeOfDay);
            case MONTH_UNKNOWN -> year == null ? missing(precision, "year") : inYear(year).at(timeOfDay);
            case ESTIMATED_RANGE -> missing(precision, "earliest and latest");
        };
    }

    public static IncidentDate exactDay(LocalDate date) {
        return new IncidentDate(DatePrecision.EXACT_DAY, date, date, null);
    }

    public static IncidentDate inMonth(YearMonth month) {
        return new IncidentDate(DatePrecision.DAY_UNKNOWN, month.atDay(1), month.atEndOfMonth(), null);
    }

    public static IncidentDate inYear(int year) {
        return new IncidentDate(DatePrecision.MONTH_UNKNOWN, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null);
    }

    public static IncidentDate between(LocalDate earliest, LocalDate latest) {
        return new IncidentDate(DatePrecision.ESTIMATED_RANGE, earliest, latest, null);
    }

    public IncidentDate at(TimeOfDay timeOfDay) {
        return new IncidentDate(precision, earliest, latest, timeOfDay);
    }

    /** True when any day of the period lies after {@code today}: an incident cannot have happened in the future. */
    @JsonIgnore
    public boolean reachesBeyond(LocalDate today) {
        return latest.isAfter(today);
    }

    private static IncidentDate missing(DatePrecision precision, String field) {
        throw new IllegalArgumentException(field + " is required for date precision " + precision);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
