package eu.borderviolence.registry.api.rest;

import eu.borderviolence.registry.api.idempotency.IdempotentRequests;
import eu.borderviolence.registry.api.idempotency.IdempotentRequests.Outcome;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.SubmitTestimonyCommand;
import eu.borderviolence.registry.core.api.TestimonyId;
import eu.borderviolence.registry.core.api.TestimonySubmitted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Field monitors submit testimonies here. */
@RestController
@RequestMapping(path = "/api/v1/testimonies", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Testimonies", description = "Submit witnesses' testimonies.")
public class TestimonyController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final CommandGateway commands;
    private final IdempotentRequests idempotency;
    private final RequestChecks checks;

    TestimonyController(CommandGateway commands, IdempotentRequests idempotency, RequestChecks checks) {
        this.commands = commands;
        this.idempotency = idempotency;
        this.checks = checks;
    }

    @Operation(summary = "Submit a testimony",
            description = "Reports a new incident from the testimony, or attaches the testimony to an existing "
                    + "incident. Send an Idempotency-Key to make retries safe: a retry with the same key and body "
                    + "returns the original answer (with Idempotent-Replayed: true) and never stores anything twice; "
                    + "the same key with another body is refused with 422.")
    @ApiResponse(responseCode = "201", description = "Stored. Location is the incident.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<TestimonySubmitted> submit(
            @RequestBody TestimonySubmission submission, Caller caller,
            @Parameter(description = "Client-chosen key, unique per request, to make retries safe (1-255 visible ASCII characters).")
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        checks.problems()
                .required(submission.circumstances(), "circumstances")
                .required(submission.incidentId() == null ? submission.incident() : "attached", "incident")
                .notFuture(submission.circumstances() == null ? null : submission.circumstances().recordedOn(),
                        "circumstances.recordedOn")
                .notFuture(submission.incident(), "incident")
                .throwIfAny();
        Outcome<TestimonySubmitted> outcome = idempotencyKey == null
                ? new Outcome<>(submit(submission, caller, TestimonyId.random(), IncidentId.random()), false)
                : idempotency.execute(caller.actor().organisation(), "testimonies", idempotencyKey, submission,
                TestimonySubmitted.class,
                name -> submit(submission, caller, TestimonyId.derivedFrom(name), IncidentId.derivedFrom(name)),
                name -> idempotency.storedVersion(TestimonyId.derivedFrom(name).toString())
                        .map(version -> receipt(submission, TestimonyId.derivedFrom(name), IncidentId.derivedFrom(name))));
        TestimonySubmitted result = outcome.result();
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + result.incidentId()))
                .header(REPLAYED, Boolean.toString(outcome.replayed()))
                .body(result);
    }

    private TestimonySubmitted submit(TestimonySubmission submission, Caller caller, TestimonyId testimonyId,
                                      IncidentId newIncidentId) {
        boolean existing = submission.incidentId() != null;
        return commands.sendAndWait(caller.command(new SubmitTestimonyCommand(testimonyId,
                existing ? submission.incidentId() : newIncidentId, existing, submission.circumstances(),
                submission.incident(), submission.witness(), caller.actor())));
    }

    private static TestimonySubmitted receipt(TestimonySubmission submission, TestimonyId testimonyId,
                                              IncidentId newIncidentId) {
        boolean existing = submission.incidentId() != null;
        return new TestimonySubmitted(testimonyId, existing ? submission.incidentId() : newIncidentId, !existing);
    }
}
