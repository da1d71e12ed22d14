package eu.borderviolence.registry.core.api.figures;

import eu.borderviolence.registry.core.api.AgencyType;
import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.ViolationCode;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which incidents a view counts. Every criterion is optional; given criteria must all hold.
 *
 * <ul>
 *     <li>{@code from}/{@code to}: the incident's earliest possible day lies in the range, both ends included.
 *     An incident known only to the month or year counts where its period begins; undated incidents match only
 *     when neither end is given.</li>
 *     <li>{@code confidence}: one of the listed statuses; empty means any.</li>
 *     <li>{@code borderLeg}: one of the incident's legs is exactly this directed leg.</li>
 *     <li>{@code country}: the place's country, either end of a leg, a readmission's states or the state a prior
 *     Dublin transfer came from.</li>
 *     <li>{@code authorityCountry}/{@code agency}: an authority of that country (and agency, when given) was
 *     involved.</li>
 *     <li>{@code nationality}: someone of that nationality was in the group.</li>
 *     <li>{@code violation}: the violation was recorded.</li>
 *     <li>{@code includeRetracted}: retracted incidents are left out unless this is true. Incidents merged into
 *     another are never counted: their survivor is.</li>
 * </ul>
 */
public record FigureFilter(LocalDate from, LocalDate to, IncidentKind kind, Set<ConfidenceStatus> confidence,
                           BorderLeg borderLeg, CountryCode country, CountryCode authorityCountry, AgencyType agency,
                           CountryCode nationality, ViolationCode violation, boolean includeRetracted) {

    public FigureFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        if (agency != null && authorityCountry == null) {
            throw new IllegalArgumentException("an agency needs the authority's country");
        }
        confidence = confidence == null || confidence.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(confidence));
    }

    public static FigureFilter none() {
        return new FigureFilter(null, null, null, null, null, null, null, null, null, null, false);
    }

    /** The same filter restricted to the days {@code from} to {@code to}. */
    public FigureFilter between(LocalDate from, LocalDate to) {
        return new FigureFilter(from, to, kind, confidence, borderLeg, country, authorityCountry, agency, nationality,
                violation, includeRetracted);
    }

    /** The same filter restricted to one kind of incident. */
    public FigureFilter ofKind(IncidentKind kind) {
        return new FigureFilter(from, to, kind, confidence, borderLeg, country, authorityCountry, agency, nationality,
                violation, includeRetracted);
    }
}
