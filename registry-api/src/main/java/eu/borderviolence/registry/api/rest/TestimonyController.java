package eu.borderviolence.registry.api.rest;

import eu.borderviolence.registry.api.idempotency.IdempotentRequests;
import eu.borderviolence.registry.api.error.NotFoundException;
import eu.borderviolence.registry.api.idempotency.IdempotentRequests.Outcome;
import eu.borderviolence.registry.api.security.Accounts;
import eu.borderviolence.registry.core.api.EraseWitnessDataCommand;
import eu.borderviolence.registry.core.api.FindIncidentQuery;
import eu.borderviolence.registry.core.api.FindTestimonyQuery;
import eu.borderviolence.registry.core.api.IncidentView;
import eu.borderviolence.registry.core.api.TestimonyView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
import java.util.Optional;

/** Field monitors submit testimonies here; they and the lawyers of the case read them back. */
@RestController
@RequestMapping(path = "/api/v1/testimonies", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Testimonies", description = "Submit and read witnesses' testimonies.")
public class TestimonyController {

    private static final Logger log = LoggerFactory.getLogger(TestimonyController.class);

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final IdempotentRequests idempotency;
    private final RequestChecks checks;
    private final Accounts accounts;

    TestimonyController(CommandGateway commands, QueryGateway queries, IdempotentRequests idempotency,
                        RequestChecks checks, Accounts accounts) {
        this.commands = commands;
        this.queries = queries;
        this.idempotency = idempotency;
        this.checks = checks;
        this.accounts = accounts;
    }

    @Operation(summary = "Read a testimony",
            description = "The testimony with the witness's personal data. A reporter reads the testimonies their "
                    + "organisation recorded; a lawyer those of the cases granted to them (the incident, or the "
                    + "incident it was merged into). Any other testimony is answered 404, as if it did not exist, "
                    + "so an id cannot be probed.")
    @GetMapping("/{testimonyId}")
    public TestimonyView testimony(@Parameter(description = "The testimony.") @PathVariable TestimonyId testimonyId,
                                   Caller caller) {
        TestimonyView view = queries.query(new FindTestimonyQuery(testimonyId),
                        ResponseTypes.optionalInstanceOf(TestimonyView.class)).join()
                .filter(found -> mayRead(caller, found))
                .orElseThrow(() -> new NotFoundException("testimony", testimonyId));
        log.info("Testimony {} read by {} ({})", testimonyId, caller.actor().principal(), caller.role());
        return view;
    }

    @Operation(summary = "Erase a witness's personal data",
            description = "When the witness withdraws their consent: destroys the key their data was sealed with, "
                    + "so it can never be read again, in the event store, in any copy or backup taken afterwards. "
                    + "The testimony's link to its incident and the incident's facts remain; the erasure is itself "
                    + "recorded, with its author and reason. The same people who may read the testimony may erase it; "
                    + "409 if it was erased already.")
    @ApiResponse(responseCode = "204", description = "Erased.")
    @PostMapping(path = "/{testimonyId}/erasure", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Void> erase(@Parameter(description = "The testimony.") @PathVariable TestimonyId testimonyId,
                                      @RequestBody ErasureRequest request, Caller caller) {
        checks.problems().required(request.reason(), "reason").maxLength(request.reason(), 1000, "reason")
                .throwIfAny();
        testimony(testimonyId, caller);
        commands.sendAndWait(caller.command(new EraseWitnessDataCommand(testimonyId, request.reason(),
                caller.actor())));
        log.info("Witness data of testimony {} erased by {}", testimonyId, caller.actor().principal());
        return ResponseEntity.noContent().build();
    }

    private boolean mayRead(Caller caller, TestimonyView testimony) {
        return switch (caller.role()) {
            case REPORTER -> testimony.recordedBy().organisation().equals(caller.actor().organisation());
            case LAWYER -> accounts.isGranted(caller.actor().principal(), testimony.incidentId().toString())
                    || survivorOf(testimony.incidentId())
                    .map(survivor -> accounts.isGranted(caller.actor().principal(), survivor.toString()))
                    .orElse(false);
            default -> false;
        };
    }

    private Optional<IncidentId> survivorOf(IncidentId incidentId) {
        return queries.query(new FindIncidentQuery(incidentId), ResponseTypes.optionalInstanceOf(IncidentView.class))
                .join().map(IncidentView::mergedInto);
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
        // A further testimony rests on no version of the incident: a race with another writer is retried.
        return LostRace.retried(() -> commands.sendAndWait(caller.command(new SubmitTestimonyCommand(testimonyId,
                existing ? submission.incidentId() : newIncidentId, existing, submission.circumstances(),
                submission.incident(), submission.witness(), caller.actor()))));
    }

    private static TestimonySubmitted receipt(TestimonySubmission submission, TestimonyId testimonyId,
                                              IncidentId newIncidentId) {
        boolean existing = submission.incidentId() != null;
        return new TestimonySubmitted(testimonyId, existing ? submission.incidentId() : newIncidentId, !existing);
    }
}
