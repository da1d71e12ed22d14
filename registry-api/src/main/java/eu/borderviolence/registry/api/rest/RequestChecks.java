package eu.borderviolence.registry.api.rest;

import eu.borderviolence.registry.api.error.InvalidRequestException;
import eu.borderviolence.registry.api.error.InvalidRequestException.FieldProblem;
import eu.borderviolence.registry.api.error.PreconditionRequiredException;
import eu.borderviolence.registry.core.api.IncidentFacts;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks on requests that value types cannot make by themselves because they need today's date or the request's
 * shape, collected so that one answer names every field at fault.
 */
@Component
public class RequestChecks {

    private final Clock clock;

    RequestChecks(Clock clock) {
        this.clock = clock;
    }

    public Problems problems() {
        return new Problems(LocalDate.now(clock));
    }

    /** Parses an If-Match header holding an incident version, quoted as in an ETag or bare. */
    static Long version(String ifMatch, boolean required) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw new PreconditionRequiredException();
            }
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("If-Match", "must be the incident's version as given in its ETag, e.g. \"3\"");
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    public static final class Problems {

        private final LocalDate today;
        private final List<FieldProblem> found = new ArrayList<>();

        private Problems(LocalDate today) {
            this.today = today;
        }

        public Problems required(Object value, String field) {
            if (value == null || value instanceof String text && text.isBlank()) {
                found.add(new FieldProblem(field, "is required"));
            }
            return this;
        }

        public Problems maxLength(String value, int max, String field) {
            if (value != null && value.length() > max) {
                found.add(new FieldProblem(field, "must be at most " + max + " characters"));
            }
            return this;
        }

        Problems notFuture(LocalDate date, String field) {
            if (date != null && date.isAfter(today)) {
                found.add(new FieldProblem(field, "must not be in the future"));
            }
            return this;
        }

        /** Dates in the facts must not lie in the future: an incident or transfer cannot have happened yet. */
        Problems notFuture(IncidentFacts facts, String prefix) {
            if (facts == null) {
                return this;
            }
            if (facts.date() != null && facts.date().reachesBeyond(today)) {
                found.add(new FieldProblem(prefix + ".date", "must not be in the future"));
            }
            if (facts.readmission() != null && facts.readmission().priorDublinTransfer() != null) {
                notFuture(facts.readmission().priorDublinTransfer().transferDate(),
                        prefix + ".readmission.priorDublinTransfer.transferDate");
            }
            return this;
        }

        public void throwIfAny() {
            if (!found.isEmpty()) {
                throw new InvalidRequestException("The request is not valid.", found);
            }
        }
    }
}
