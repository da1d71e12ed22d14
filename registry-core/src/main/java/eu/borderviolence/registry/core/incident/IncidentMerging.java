package eu.borderviolence.registry.core.incident;

import eu.borderviolence.registry.core.api.AbsorbDuplicateIncidentCommand;
import eu.borderviolence.registry.core.api.MarkIncidentMergedCommand;
import eu.borderviolence.registry.core.api.MergeIncidentsCommand;
import eu.borderviolence.registry.core.api.RefusedException;
import eu.borderviolence.registry.core.api.TestimonyId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.Repository;

import java.util.List;

/**
 * Merges a duplicate incident into its survivor. Both halves run in the command's unit of work, so the two incidents
 * record the merge in the same transaction or not at all; each half is decided by its own incident.
 */
class IncidentMerging {

    private final Repository<Incident> incidents;

    IncidentMerging(Repository<Incident> incidents) {
        this.incidents = incidents;
    }

    @CommandHandler
    void handle(MergeIncidentsCommand command) {
        if (command.duplicateId().equals(command.survivorId())) {
            throw new RefusedException("an incident cannot be merged into itself");
        }
        Aggregate<Incident> duplicate = incidents.load(command.duplicateId().toString(),
                command.expectedDuplicateVersion());
        Long expected = command.expectedDuplicateVersion();
        if (expected != null && !expected.equals(duplicate.version())) {
            throw new ConflictingAggregateVersionException(command.duplicateId().toString(), expected,
                    duplicate.version());
        }
        Aggregate<Incident> survivor = incidents.load(command.survivorId().toString());
        List<TestimonyId> testimonies = duplicate.invoke(incident -> incident.handle(new MarkIncidentMergedCommand(
                command.duplicateId(), command.survivorId(), command.reason(), command.mergedBy())));
        survivor.execute(incident -> incident.handle(new AbsorbDuplicateIncidentCommand(
                command.survivorId(), command.duplicateId(), testimonies, command.reason(), command.mergedBy())));
    }
}
