package eu.borderviolence.registry.core.incident;

import eu.borderviolence.registry.core.api.AbsorbDuplicateIncidentCommand;
import eu.borderviolence.registry.core.api.AlreadyRecordedException;
import eu.borderviolence.registry.core.api.AttachTestimonyCommand;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.CorrectIncidentFactsCommand;
import eu.borderviolence.registry.core.api.CorroborateIncidentCommand;
import eu.borderviolence.registry.core.api.DuplicateIncidentAbsorbedEvent;
import eu.borderviolence.registry.core.api.IncidentCorroboratedEvent;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentFactsCorrectedEvent;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentMergedEvent;
import eu.borderviolence.registry.core.api.IncidentReportedEvent;
import eu.borderviolence.registry.core.api.IncidentRetractedEvent;
import eu.borderviolence.registry.core.api.IncidentStatus;
import eu.borderviolence.registry.core.api.MarkIncidentMergedCommand;
import eu.borderviolence.registry.core.api.RefusedException;
import eu.borderviolence.registry.core.api.ReportIncidentCommand;
import eu.borderviolence.registry.core.api.RetractIncidentCommand;
import eu.borderviolence.registry.core.api.TestimonyAttachedEvent;
import eu.borderviolence.registry.core.api.TestimonyId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * An incident: what happened, as the registry knows it, and its lifecycle. It decides whether a change makes sense
 * and records it as an event; it never forgets: corrections, merges and retractions are added, nothing is replaced.
 *
 * <p>Only an {@link IncidentStatus#ACTIVE} incident changes. A merged incident points to its survivor for ever; a
 * retracted one stays retracted (a mistaken retraction is answered by reporting the incident again, which keeps both
 * decisions visible in history).
 */
public class Incident {

    @AggregateIdentifier
    private IncidentId incidentId;
    private IncidentFacts facts;
    private IncidentStatus status;
    private IncidentId mergedInto;
    private final Set<TestimonyId> testimonies = new LinkedHashSet<>();

    protected Incident() {
        // for Axon, which rebuilds the incident from its events
    }

    @CommandHandler
    public Incident(ReportIncidentCommand command) {
        apply(new IncidentReportedEvent(command.incidentId(), command.facts(), command.reportedBy()));
    }

    @CommandHandler
    public void handle(AttachTestimonyCommand command) {
        requireActive("attach a testimony to");
        if (testimonies.contains(command.testimonyId())) {
            throw new AlreadyRecordedException("this testimony is already attached to the incident");
        }
        apply(new TestimonyAttachedEvent(incidentId, command.testimonyId(), command.recordedBy()));
    }

    /** Answers with the incident's new version. */
    @CommandHandler
    public long handle(CorrectIncidentFactsCommand command) {
        requireVersion(command.expectedVersion());
        requireActive("correct");
        List<String> changed = command.facts().differencesFrom(facts);
        if (changed.isEmpty()) {
            throw new RefusedException("the correction changes nothing: the facts are already as given");
        }
        apply(new IncidentFactsCorrectedEvent(incidentId, command.facts(), changed, command.reason(),
                command.correctedBy()));
        return getVersion();
    }

    /** Answers with the incident's new version. */
    @CommandHandler
    public long handle(CorroborateIncidentCommand command) {
        requireVersion(command.expectedVersion());
        requireActive("corroborate");
        ConfidenceStatus confidence = command.confidence() == null ? facts.confidence() : command.confidence();
        apply(new IncidentCorroboratedEvent(incidentId, command.source(), command.reference(), confidence,
                command.corroboratedBy()));
        return getVersion();
    }

    /** Marks this incident as a duplicate of the survivor and answers with the testimonies the survivor takes over. */
    @CommandHandler
    public List<TestimonyId> handle(MarkIncidentMergedCommand command) {
        if (command.survivorId().equals(incidentId)) {
            throw new RefusedException("an incident cannot be merged into itself");
        }
        requireActive("merge");
        apply(new IncidentMergedEvent(incidentId, command.survivorId(), command.reason(), command.mergedBy()));
        return new ArrayList<>(testimonies);
    }

    @CommandHandler
    public void handle(AbsorbDuplicateIncidentCommand command) {
        if (command.duplicateId().equals(incidentId)) {
            throw new RefusedException("an incident cannot be merged into itself");
        }
        requireActive("merge another incident into");
        apply(new DuplicateIncidentAbsorbedEvent(incidentId, command.duplicateId(), command.testimonies(),
                command.reason(), command.mergedBy()));
    }

    /** Answers with the incident's new version. */
    @CommandHandler
    public long handle(RetractIncidentCommand command) {
        requireVersion(command.expectedVersion());
        requireActive("retract");
        apply(new IncidentRetractedEvent(incidentId, command.reason(), command.retractedBy()));
        return getVersion();
    }

    /**
     * Axon refuses an expected version older than the incident's; this refuses one that is newer too, which a client
     * can only have made up. Either way the client did not see the state it wants to change.
     */
    private void requireVersion(Long expectedVersion) {
        Long current = getVersion();
        if (expectedVersion != null && !expectedVersion.equals(current)) {
            throw new ConflictingAggregateVersionException(incidentId.toString(), expectedVersion,
                    current == null ? -1 : current);
        }
    }

    private void requireActive(String action) {
        switch (status) {
            case RETRACTED -> throw new RefusedException(
                    "incident " + incidentId + " was retracted; you cannot " + action + " it");
            case MERGED -> throw new RefusedException(
                    "incident " + incidentId + " was merged into incident " + mergedInto + "; you cannot " + action
                            + " it, use incident " + mergedInto + " instead");
            case ACTIVE -> {
            }
        }
    }

    @EventSourcingHandler
    void on(IncidentReportedEvent event) {
        incidentId = event.incidentId();
        facts = event.facts();
        status = IncidentStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(TestimonyAttachedEvent event) {
        testimonies.add(event.testimonyId());
    }

    @EventSourcingHandler
    void on(IncidentFactsCorrectedEvent event) {
        facts = event.facts();
    }

    @EventSourcingHandler
    void on(IncidentCorroboratedEvent event) {
        facts = facts.withConfidence(event.confidence());
    }

    @EventSourcingHandler
    void on(IncidentMergedEvent event) {
        status = IncidentStatus.MERGED;
        mergedInto = event.survivorId();
    }

    @EventSourcingHandler
    void on(DuplicateIncidentAbsorbedEvent event) {
        testimonies.addAll(event.testimonies());
    }

    @EventSourcingHandler
    void on(IncidentRetractedEvent event) {
        status = IncidentStatus.RETRACTED;
    }
}
