package eu.borderviolence.registry.api.rest;

import eu.borderviolence.registry.api.error.InvalidRequestException;
import eu.borderviolence.registry.api.error.NotFoundException;
import eu.borderviolence.registry.api.idempotency.IdempotentRequests;
import eu.borderviolence.registry.api.views.FigureParameters;
import eu.borderviolence.registry.api.views.JsonAnswer;
import eu.borderviolence.registry.api.views.ViewAnswers;
import eu.borderviolence.registry.api.views.ViewGuard;
import eu.borderviolence.registry.projections.ViewServing;
import eu.borderviolence.registry.projections.history.CaseHistoryProjection;
import eu.borderviolence.registry.projections.incident.IncidentSummaryProjection;
import eu.borderviolence.registry.api.idempotency.IdempotentRequests.Outcome;
import eu.borderviolence.registry.core.api.CaseHistory;
import eu.borderviolence.registry.core.api.CorrectIncidentFactsCommand;
import eu.borderviolence.registry.core.api.CorroborateIncidentCommand;
import eu.borderviolence.registry.core.api.CountIncidentsQuery;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.FindIncidentAsOfQuery;
import eu.borderviolence.registry.core.api.FindIncidentQuery;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentFilter;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.IncidentPage;
import eu.borderviolence.registry.core.api.IncidentStatus;
import eu.borderviolence.registry.core.api.IncidentView;
import eu.borderviolence.registry.core.api.ListIncidentsQuery;
import eu.borderviolence.registry.core.api.MergeIncidentsCommand;
import eu.borderviolence.registry.core.api.ReportIncidentCommand;
import eu.borderviolence.registry.core.api.RetractIncidentCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletableFuture;

/** Incidents: report, correct, corroborate, merge, retract; read one, its case history, or a filtered list. */
@RestController
@RequestMapping(path = "/api/v1/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Incidents", description = "Report, change and read incidents and their case histories.")
public class IncidentController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final IdempotentRequests idempotency;
    private final ViewConsistency consistency;
    private final RequestChecks checks;
    private final ViewGuard guard;
    private final ViewAnswers answers;
    private final CaseHistoryProjection histories;

    IncidentController(CommandGateway commands, QueryGateway queries, IdempotentRequests idempotency,
                       ViewConsistency consistency, RequestChecks checks, ViewGuard guard, ViewAnswers answers,
                       CaseHistoryProjection histories) {
        this.commands = commands;
        this.queries = queries;
        this.idempotency = idempotency;
        this.consistency = consistency;
        this.checks = checks;
        this.guard = guard;
        this.answers = answers;
        this.histories = histories;
    }

    @Operation(summary = "Report an incident without a testimony",
            description = "For incidents known from other sources (media, official documents). An Idempotency-Key "
                    + "makes retries safe, as for testimonies.")
    @ApiResponse(responseCode = "201", description = "Stored at version 0. Location is the incident.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IncidentReference> report(
            @RequestBody IncidentFacts facts, Caller caller,
            @Parameter(description = "Client-chosen key, unique per request, to make retries safe.")
            @RequestHeader(name = TestimonyController.IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        checks.problems().notFuture(facts, "(body)").throwIfAny();
        Outcome<IncidentReference> outcome = idempotencyKey == null
                ? new Outcome<>(report(facts, caller, IncidentId.random()), false)
                : idempotency.execute(caller.actor().organisation(), "incidents", idempotencyKey, facts,
                IncidentReference.class,
                name -> report(facts, caller, IncidentId.derivedFrom(name)),
                name -> idempotency.storedVersion(IncidentId.derivedFrom(name).toString())
                        .map(version -> new IncidentReference(IncidentId.derivedFrom(name), 0)));
        IncidentReference reference = outcome.result();
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + reference.incidentId()))
                .eTag(RequestChecks.etag(reference.version()))
                .header(TestimonyController.REPLAYED, Boolean.toString(outcome.replayed()))
                .body(reference);
    }

    private IncidentReference report(IncidentFacts facts, Caller caller, IncidentId id) {
        commands.sendAndWait(caller.command(new ReportIncidentCommand(id, facts, caller.actor())));
        return new IncidentReference(id, 0);
    }

    @Operation(summary = "Correct an incident's facts",
            description = "Replaces the facts with the complete corrected set; the old facts stay in the history. "
                    + "If-Match must carry the version the correction is based on: 412 if the incident changed "
                    + "since, 428 if If-Match is missing.")
    @PostMapping(path = "/{incidentId}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IncidentReference> correct(
            @Parameter(description = "The incident.") @PathVariable IncidentId incidentId, @RequestBody CorrectionRequest request, Caller caller,
            @Parameter(description = "The incident's version (its ETag) the correction is based on.", required = true)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = RequestChecks.version(ifMatch, true);
        checks.problems().required(request.facts(), "facts").required(request.reason(), "reason")
                .maxLength(request.reason(), 1000, "reason").notFuture(request.facts(), "facts").throwIfAny();
        long version = commands.sendAndWait(caller.command(new CorrectIncidentFactsCommand(
                incidentId, expected, request.facts(), request.reason(), caller.actor())));
        return changed(incidentId, version);
    }

    @Operation(summary = "Corroborate an incident", description = "Records evidence; If-Match is optional.")
    @PostMapping(path = "/{incidentId}/corroborations", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IncidentReference> corroborate(
            @Parameter(description = "The incident.") @PathVariable IncidentId incidentId, @RequestBody CorroborationRequest request, Caller caller,
            @Parameter(description = "Optional: the incident's version (its ETag) the change is based on; 412 if it changed since.")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = RequestChecks.version(ifMatch, false);
        checks.problems().required(request.source(), "source").maxLength(request.reference(), 200, "reference")
                .throwIfAny();
        long version = LostRace.retriedUnlessVersioned(expected, () -> commands.sendAndWait(caller.command(
                new CorroborateIncidentCommand(incidentId, expected, request.source(), request.reference(),
                        request.confidence(), caller.actor()))));
        return changed(incidentId, version);
    }

    @Operation(summary = "Merge a duplicate into another incident",
            description = "The incident in the path is the duplicate: it will point to the survivor, which takes "
                    + "over its testimonies. Both histories stay readable. If-Match (the duplicate's version) is optional.")
    @ApiResponse(responseCode = "204", description = "Merged. Location is the survivor.")
    @PostMapping(path = "/{incidentId}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Void> merge(
            @Parameter(description = "The incident.") @PathVariable IncidentId incidentId, @RequestBody MergeRequest request, Caller caller,
            @Parameter(description = "Optional: the incident's version (its ETag) the change is based on; 412 if it changed since.")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = RequestChecks.version(ifMatch, false);
        checks.problems().required(request.survivorId(), "survivorId").required(request.reason(), "reason")
                .maxLength(request.reason(), 1000, "reason").throwIfAny();
        LostRace.retriedUnlessVersioned(expected, () -> commands.sendAndWait(caller.command(new MergeIncidentsCommand(
                incidentId, expected, request.survivorId(), request.reason(), caller.actor()))));
        return ResponseEntity.noContent()
                .location(URI.create("/api/v1/incidents/" + request.survivorId())).build();
    }

    @Operation(summary = "Retract an incident",
            description = "The incident stays in history and is left out of lists and figures by default. If-Match is optional.")
    @PostMapping(path = "/{incidentId}/retraction", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IncidentReference> retract(
            @Parameter(description = "The incident.") @PathVariable IncidentId incidentId, @RequestBody RetractionRequest request, Caller caller,
            @Parameter(description = "Optional: the incident's version (its ETag) the change is based on; 412 if it changed since.")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expected = RequestChecks.version(ifMatch, false);
        checks.problems().required(request.reason(), "reason").maxLength(request.reason(), 1000, "reason")
                .throwIfAny();
        long version = LostRace.retriedUnlessVersioned(expected, () -> commands.sendAndWait(caller.command(
                new RetractIncidentCommand(incidentId, expected, request.reason(), caller.actor()))));
        return changed(incidentId, version);
    }

    @Operation(summary = "Read an incident",
            description = "The current state; ETag is the version. consistency=STRONG waits (bounded) until the "
                    + "views reflect every write acknowledged before this read. With asOf, the incident as the "
                    + "registry knew it at that moment, rebuilt from its events (consistency does not apply).")
    @GetMapping("/{incidentId}")
    public ResponseEntity<IncidentView> incident(
            @Parameter(description = "The incident.") @PathVariable IncidentId incidentId,
            @Parameter(description = "EVENTUAL (default) or STRONG (read your own writes).")
            @RequestParam(defaultValue = "EVENTUAL") ViewConsistency.Level consistency,
            @Parameter(description = "A past moment (ISO-8601, e.g. 2023-08-01T00:00:00Z): the incident as it was "
                    + "known then.", example = "2023-08-01T00:00:00Z")
            @RequestParam(required = false) Instant asOf) {
        Optional<IncidentView> found;
        if (asOf == null) {
            guard.requireServing(IncidentSummaryProjection.PROCESSING_GROUP);
            this.consistency.await(consistency);
            found = ask(queries.query(new FindIncidentQuery(incidentId),
                    ResponseTypes.optionalInstanceOf(IncidentView.class)));
        } else {
            found = ask(queries.query(new FindIncidentAsOfQuery(incidentId, asOf),
                    ResponseTypes.optionalInstanceOf(IncidentView.class)));
        }
        IncidentView view = found.orElseThrow(() -> new NotFoundException("incident", incidentId));
        return ResponseEntity.ok().eTag(RequestChecks.etag(view.version())).body(view);
    }

    @Operation(summary = "Read an incident's case history",
            description = "Every event in the order stored, with time, author, kind and a summary; includes the "
                    + "entries of duplicates merged into it.")
    @GetMapping("/{incidentId}/history")
    public CaseHistory history(
            @Parameter(description = "The incident.") @PathVariable IncidentId incidentId,
            @Parameter(description = "EVENTUAL (default) or STRONG (read your own writes).")
            @RequestParam(defaultValue = "EVENTUAL") ViewConsistency.Level consistency) {
        if (consistency == ViewConsistency.Level.STRONG) {
            guard.requireServing(CaseHistoryProjection.PROCESSING_GROUP); // refused at once, not after waiting
        }
        this.consistency.await(consistency);
        // Read straight from the view, not through the query bus, whose transaction and unit of work were a fifth of
        // this read's work; the statement that reads it also asks whether the view is being rebuilt (ViewServing),
        // so a lawyer's read costs one statement (docs/benchmarks.md).
        Optional<CaseHistory> history = null;
        for (int attempt = 1; history == null; attempt++) {
            try {
                history = histories.find(incidentId);
            } catch (ViewServing.Rebuilding rebuilding) {
                guard.requireServing(rebuilding.view()); // 503 with its progress, unless the replay has just caught up
                if (attempt == 2) {
                    throw rebuilding; // caught up twice in a row, yet rebuilt again: 503 all the same
                }
            }
        }
        return history.orElseThrow(() -> new NotFoundException("incident", incidentId));
    }

    @Operation(summary = "List incidents",
            description = "Paged, most recently reported first. Filters combine: kind, country (place or any "
                    + "country on the route), borderLeg (e.g. HU-RS), date range (incidents whose date period "
                    + "overlaps it), status (ACTIVE by default).")
    @GetMapping
    public JsonAnswer<IncidentPage> list(
            @Parameter(description = "Only incidents of this kind.") @RequestParam(required = false) IncidentKind kind,
            @Parameter(description = "ISO 3166-1 alpha-2 code.", example = "RS")
            @RequestParam(required = false) CountryCode country,
            @Parameter(description = "Directed leg as FROM-TO.", example = "HU-RS")
            @RequestParam(required = false) String borderLeg,
            @Parameter(description = "First day of the range (YYYY-MM-DD).")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "Last day of the range (YYYY-MM-DD).")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "Only incidents in this lifecycle status; ACTIVE when left out.")
            @RequestParam(required = false) IncidentStatus status,
            @Parameter(description = "Page number from 0.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200.") @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "EVENTUAL (default) or STRONG (read your own writes).")
            @RequestParam(defaultValue = "EVENTUAL") ViewConsistency.Level consistency) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("from", "must not be after to");
        }
        if (page < 0) {
            throw new InvalidRequestException("page", "must not be negative");
        }
        if (size < 1 || size > ListIncidentsQuery.MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + ListIncidentsQuery.MAX_PAGE_SIZE);
        }
        IncidentFilter filter = new IncidentFilter(kind, country, FigureParameters.leg(borderLeg), from, to, status);
        // The page is kept until the incidents change, like the figures: the first pages of a list are read by
        // everyone who opens it, and reading and writing a page of incidents costs three times a request's own work.
        // ViewAnswers refuses the read while the view is being rebuilt, and has a strong read wait for the views.
        ListIncidentsQuery list = new ListIncidentsQuery(filter, page, size);
        return answers.answerHereAsJson(IncidentSummaryProjection.PROCESSING_GROUP, consistency, list,
                IncidentPage.class, () -> {
            List<IncidentView> items = ask(queries.query(list, ResponseTypes.multipleInstancesOf(IncidentView.class)));
            // The total is kept apart: counting reads every matching index entry (a quarter of a million at a million
            // events), which a client paging through the list would otherwise pay for every page.
            CountIncidentsQuery count = new CountIncidentsQuery(filter);
            long total = answers.answerHere(IncidentSummaryProjection.PROCESSING_GROUP, count, Long.class,
                    () -> ask(queries.query(count, Long.class)));
            return new IncidentPage(items, page, size, total);
        });
    }

    private static ResponseEntity<IncidentReference> changed(IncidentId incidentId, long version) {
        return ResponseEntity.ok().eTag(RequestChecks.etag(version)).body(new IncidentReference(incidentId, version));
    }

    /** Waits for a query's answer, passing on the handler's own exception rather than Java's wrapper. */
    private static <R> R ask(CompletableFuture<R> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
