package eu.borderviolence.registry.core.testimony;

import eu.borderviolence.registry.core.api.AttachTestimonyCommand;
import eu.borderviolence.registry.core.api.RecordTestimonyCommand;
import eu.borderviolence.registry.core.api.ReportIncidentCommand;
import eu.borderviolence.registry.core.api.SubmitTestimonyCommand;
import eu.borderviolence.registry.core.api.TestimonySubmitted;
import eu.borderviolence.registry.core.incident.Incident;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Takes in a submitted testimony: reports the incident it describes or attaches it to an existing one, and records
 * the testimony. Everything happens in the command's unit of work, so a submission is stored whole or not at all, and
 * a retried submission with the same ids collides with the first instead of duplicating it.
 */
class TestimonyIntake {

    private final Repository<Incident> incidents;
    private final Repository<Testimony> testimonies;
    private final WitnessVault vault;

    TestimonyIntake(Repository<Incident> incidents, Repository<Testimony> testimonies, WitnessVault vault) {
        this.incidents = incidents;
        this.testimonies = testimonies;
        this.vault = vault;
    }

    @CommandHandler
    TestimonySubmitted handle(SubmitTestimonyCommand command) throws Exception {
        Aggregate<Incident> incident = command.existingIncident()
                ? incidents.load(command.incidentId().toString())
                : incidents.newInstance(() -> new Incident(new ReportIncidentCommand(
                        command.incidentId(), command.reportedFacts(), command.recordedBy())));
        incident.execute(i -> i.handle(
                new AttachTestimonyCommand(command.incidentId(), command.testimonyId(), command.recordedBy())));
        testimonies.newInstance(() -> new Testimony(new RecordTestimonyCommand(command.testimonyId(),
                command.incidentId(), command.circumstances(), command.reportedFacts(), command.witness(),
                command.recordedBy()), vault));
        return new TestimonySubmitted(command.testimonyId(), command.incidentId(), !command.existingIncident());
    }
}
