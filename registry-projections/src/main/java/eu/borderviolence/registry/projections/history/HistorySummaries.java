package eu.borderviolence.registry.projections.history;

import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.DuplicateIncidentAbsorbedEvent;
import eu.borderviolence.registry.core.api.IncidentCorroboratedEvent;
import eu.borderviolence.registry.core.api.IncidentDate;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentFactsCorrectedEvent;
import eu.borderviolence.registry.core.api.IncidentMergedEvent;
import eu.borderviolence.registry.core.api.IncidentReportedEvent;
import eu.borderviolence.registry.core.api.IncidentRetractedEvent;
import eu.borderviolence.registry.core.api.PeopleAffected;
import eu.borderviolence.registry.core.api.Place;
import eu.borderviolence.registry.core.api.Readmission;
import eu.borderviolence.registry.core.api.TestimonyAttachedEvent;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One English sentence per incident event, for lawyers reading a case history. Built from the incident events only,
 * which carry facts and never a witness's personal data.
 */
final class HistorySummaries {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("uuuu", Locale.ENGLISH);

    private HistorySummaries() {
    }

    /** For example "Incident reported: pushback HU→RS→MK, 14 Jul 2023, group of 12". */
    static String of(IncidentReportedEvent event) {
        return "Incident reported: " + describe(event.facts());
    }

    static String of(TestimonyAttachedEvent event) {
        return "Testimony " + event.testimonyId() + " attached";
    }

    /** For example "Facts corrected (borderLegs, people): witness recounted the group". */
    static String of(IncidentFactsCorrectedEvent event) {
        List<String> fields = event.correctedFields() == null ? List.of() : event.correctedFields();
        return "Facts corrected" + (fields.isEmpty() ? "" : " (" + String.join(", ", fields) + ")")
                + ": " + event.reason();
    }

    /** For example "Corroborated by MEDICAL_REPORT (ref MSF-2023-118); confidence now LIKELY". */
    static String of(IncidentCorroboratedEvent event) {
        return "Corroborated by " + event.source()
                + (event.reference() == null ? "" : " (ref " + event.reference() + ")")
                + "; confidence now " + event.confidence();
    }

    static String of(IncidentMergedEvent event) {
        return "Merged into incident " + event.survivorId() + ": " + event.reason();
    }

    static String of(DuplicateIncidentAbsorbedEvent event) {
        int count = event.testimonies() == null ? 0 : event.testimonies().size();
        String testimonies = switch (count) {
            case 0 -> "no testimonies";
            case 1 -> "1 testimony";
            default -> count + " testimonies";
        };
        return "Duplicate incident " + event.duplicateId() + " merged in with " + testimonies + ": " + event.reason();
    }

    static String of(IncidentRetractedEvent event) {
        return "Retracted: " + event.reason();
    }

    /** Kind and where, then when and how many, leaving out what is unknown. */
    static String describe(IncidentFacts facts) {
        List<String> parts = new ArrayList<>();
        parts.add(where(facts));
        if (facts.date() != null) {
            parts.add(when(facts.date()));
        }
        if (facts.people() != null && facts.people().groupSize() != null) {
            parts.add(howMany(facts.people()));
        }
        return String.join(", ", parts);
    }

    private static String where(IncidentFacts facts) {
        String place = placeName(facts.place());
        return switch (facts.kind()) {
            case PUSHBACK -> "pushback " + route(facts.borderLegs()) + (place == null ? "" : " at " + place);
            case POLICE_VIOLENCE -> "police violence in " + (place == null ? "" : place + ", ")
                    + facts.place().country();
            case READMISSION_DEPORTATION -> "readmission deportation " + readmission(facts.readmission())
                    + (place == null ? "" : " at " + place);
        };
    }

    /** A connected route as one chain, such as AT→SI→HR→BA. */
    private static String route(List<BorderLeg> legs) {
        StringBuilder route = new StringBuilder(legs.get(0).from().code());
        legs.forEach(leg -> route.append('→').append(leg.to()));
        return route.toString();
    }

    private static String readmission(Readmission readmission) {
        String states = readmission.sendingState() + "→" + readmission.receivingState();
        if (readmission.priorDublinTransfer() == null) {
            return states;
        }
        return states + " after Dublin transfer " + readmission.priorDublinTransfer().fromState() + "→"
                + readmission.priorDublinTransfer().toState();
    }

    private static String placeName(Place place) {
        if (place == null) {
            return null;
        }
        return place.placeName() != null ? place.placeName() : place.borderSection();
    }

    private static String when(IncidentDate date) {
        String period = switch (date.precision()) {
            case EXACT_DAY -> DAY.format(date.earliest());
            case DAY_UNKNOWN -> MONTH.format(date.earliest());
            case MONTH_UNKNOWN -> YEAR.format(date.earliest());
            case ESTIMATED_RANGE -> "between " + DAY.format(date.earliest()) + " and " + DAY.format(date.latest());
        };
        return date.timeOfDay() == null
                ? period : period + " (" + date.timeOfDay().name().toLowerCase(Locale.ROOT) + ")";
    }

    private static String howMany(PeopleAffected people) {
        String group = "group of " + people.groupSize();
        if (people.minors() != null && people.minors() > 0) {
            group += " incl. " + people.minors() + (people.minors() == 1 ? " minor" : " minors");
        }
        return group;
    }
}
