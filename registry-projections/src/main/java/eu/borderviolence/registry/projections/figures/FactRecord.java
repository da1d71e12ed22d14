package eu.borderviolence.registry.projections.figures;

import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentStatus;
import eu.borderviolence.registry.core.api.figures.Quarter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** An incident as a view holds it: its current facts and status. */
public record FactRecord(IncidentId incidentId, IncidentStatus status, IncidentFacts facts, Instant changedAt) {

    public static final String UNDATED = "undated";

    /** The day the incident is attributed to in time series: the earliest it can have happened; null if undated. */
    public LocalDate attributedDay() {
        return facts.date() == null ? null : facts.date().earliest();
    }

    /** The month of the attributed day, such as {@code 2023-07}, or {@value #UNDATED}. */
    public String month() {
        LocalDate day = attributedDay();
        return day == null ? UNDATED : YearMonth.from(day).toString();
    }

    /** The quarter of the attributed day, such as {@code 2023-Q3}, or {@value #UNDATED}. */
    public String quarter() {
        LocalDate day = attributedDay();
        return day == null ? UNDATED : Quarter.of(day).toString();
    }
}
