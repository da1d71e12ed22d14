package eu.borderviolence.registry.api.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.api.security.Role;
import eu.borderviolence.registry.api.security.SecuredWebMvc;
import eu.borderviolence.registry.api.security.WithRegistryUser;
import eu.borderviolence.registry.api.error.ConsistencyTimeoutException;
import eu.borderviolence.registry.api.error.ViewRebuildingException;
import eu.borderviolence.registry.api.idempotency.IdempotentRequests;
import eu.borderviolence.registry.api.views.JsonAnswer;
import eu.borderviolence.registry.api.views.ViewAnswers;
import eu.borderviolence.registry.api.views.ViewGuard;
import eu.borderviolence.registry.core.api.Actor;
import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.CaseHistory;
import eu.borderviolence.registry.core.api.CaseHistoryEntry;
import eu.borderviolence.registry.core.api.CorrectIncidentFactsCommand;
import eu.borderviolence.registry.core.api.CorroborateIncidentCommand;
import eu.borderviolence.registry.core.api.CorroborationSource;
import eu.borderviolence.registry.core.api.CountIncidentsQuery;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.FindIncidentAsOfQuery;
import eu.borderviolence.registry.core.api.FindIncidentQuery;
import eu.borderviolence.registry.core.api.IncidentDate;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.IncidentStatus;
import eu.borderviolence.registry.core.api.IncidentView;
import eu.borderviolence.registry.core.api.ListIncidentsQuery;
import eu.borderviolence.registry.core.api.MergeIncidentsCommand;
import eu.borderviolence.registry.core.api.RefusedException;
import eu.borderviolence.registry.core.api.ReportIncidentCommand;
import eu.borderviolence.registry.core.api.RetractIncidentCommand;
import eu.borderviolence.registry.projections.ViewServing;
import eu.borderviolence.registry.projections.history.CaseHistoryProjection;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = IncidentController.class)
@Import({RequestChecks.class, FixedClock.class, SecuredWebMvc.class})
@WithRegistryUser(role = Role.LAWYER, username = "lawyer-3")
class IncidentControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    QueryGateway queries;
    @MockitoBean
    IdempotentRequests idempotency;
    @MockitoBean
    ViewConsistency consistency;
    @MockitoBean
    ViewGuard guard;
    @MockitoBean
    ViewAnswers answers;
    @MockitoBean
    CaseHistoryProjection histories;

    @Autowired
    ObjectMapper json;

    /** Every page and total read afresh: what is kept, and when, is {@code ViewAnswersTest}'s subject. */
    @BeforeEach
    void readEveryPage() {
        when(answers.answerHere(any(), any(), any(), any()))
                .thenAnswer(call -> call.<Supplier<?>>getArgument(3).get());
        when(answers.answerHereAsJson(any(), any(), any(), any(), any()))
                .thenAnswer(call -> JsonAnswer.of(json, call.<Supplier<?>>getArgument(4).get()));
    }

    private final IncidentId incidentId = IncidentId.random();
    private final IncidentFacts facts = IncidentFacts.pushback(IncidentDate.exactDay(LocalDate.of(2023, 7, 14)),
            BorderLeg.of("HU", "RS"));
    private final IncidentView view = new IncidentView(incidentId, 3, IncidentStatus.ACTIVE, null, List.of(), facts,
            List.of(), new Actor("monitor-17", "klikaktiv"), Instant.parse("2023-07-16T10:00:00Z"),
            Instant.parse("2023-07-20T10:00:00Z"), null);

    @Test
    void readingAnIncidentAnswersItsStateWithTheVersionAsETag() throws Exception {
        whenAsked(FindIncidentQuery.class, Optional.of(view));
        mvc.perform(get("/api/v1/incidents/{id}", incidentId))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.incidentId").value(incidentId.toString()))
                .andExpect(jsonPath("$.facts.borderLegs[0].from").value("HU"))
                .andExpect(jsonPath("$.facts.date.precision").value("EXACT_DAY"));
        verify(consistency).await(ViewConsistency.Level.EVENTUAL);
    }

    @Test
    void readingAnIncidentAsOfAMomentAsksForItsPastState() throws Exception {
        whenAsked(FindIncidentAsOfQuery.class, Optional.of(view));
        mvc.perform(get("/api/v1/incidents/{id}?asOf=2023-07-18T00:00:00Z&consistency=STRONG", incidentId))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.incidentId").value(incidentId.toString()));
        ArgumentCaptor<FindIncidentAsOfQuery> query = ArgumentCaptor.forClass(FindIncidentAsOfQuery.class);
        verify(queries).query(query.capture(), any(ResponseType.class));
        assertThat(query.getValue().asOf()).isEqualTo(Instant.parse("2023-07-18T00:00:00Z"));
        verify(consistency, never()).await(any());
    }

    @Test
    void anIncidentThatDidNotExistYetAtTheMomentIsNotFound() throws Exception {
        whenAsked(FindIncidentAsOfQuery.class, Optional.empty());
        mvc.perform(get("/api/v1/incidents/{id}?asOf=2020-01-01T00:00:00Z", incidentId))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMalformedMomentIsRefusedWithoutEchoingIt() throws Exception {
        mvc.perform(get("/api/v1/incidents/{id}?asOf=last-tuesday", incidentId))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"))
                .andExpect(content().string(not(containsString("last-tuesday"))));
    }

    @Test
    void aViewBeingRebuiltAnswers503WithItsProgress() throws Exception {
        doThrow(new ViewRebuildingException(java.util.Map.of("incident-summary", 42.5)))
                .when(guard).requireServing("incident-summary");
        mvc.perform(get("/api/v1/incidents/{id}", incidentId))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("/problems/view-rebuilding"))
                .andExpect(jsonPath("$.percentDone.incident-summary").value(42.5));
        // The list asks its kept answers, which ask the guard only when the view's position shows a rebuild
        // (ViewAnswersTest); refused there, it answers the same.
        doThrow(new ViewRebuildingException(java.util.Map.of("incident-summary", 42.5)))
                .when(answers).answerHereAsJson(eq("incident-summary"), any(), any(), any(), any());
        mvc.perform(get("/api/v1/incidents")).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.percentDone.incident-summary").value(42.5));
        verify(queries, never()).query(any(), any(ResponseType.class));
    }

    @Test
    void aStrongReadWaitsForTheViews() throws Exception {
        whenAsked(FindIncidentQuery.class, Optional.of(view));
        mvc.perform(get("/api/v1/incidents/{id}?consistency=STRONG", incidentId)).andExpect(status().isOk());
        verify(consistency).await(ViewConsistency.Level.STRONG);
    }

    @Test
    void aStrongReadThatTimesOutAsksTheClientToRetry() throws Exception {
        doThrow(new ConsistencyTimeoutException(java.time.Duration.ofSeconds(5)))
                .when(consistency).await(ViewConsistency.Level.STRONG);
        mvc.perform(get("/api/v1/incidents/{id}?consistency=STRONG", incidentId))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.type").value("/problems/views-behind"));
    }

    @Test
    void anUnknownIncidentIsNotFound() throws Exception {
        whenAsked(FindIncidentQuery.class, Optional.empty());
        mvc.perform(get("/api/v1/incidents/{id}", incidentId))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", "application/problem+json"));
    }

    @Test
    void aMalformedIdIsABadRequest() throws Exception {
        mvc.perform(get("/api/v1/incidents/not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("incidentId"));
    }

    @Test
    void theCaseHistoryIsReturnedInOrder() throws Exception {
        CaseHistory history = new CaseHistory(incidentId, List.of(
                new CaseHistoryEntry(incidentId, 0, 1, Instant.parse("2023-07-16T10:00:00Z"), "IncidentReported",
                        "monitor-17", "klikaktiv", "Incident reported: pushback HU→RS", "c1"),
                new CaseHistoryEntry(incidentId, 1, 7, Instant.parse("2023-07-20T10:00:00Z"),
                        "IncidentFactsCorrected", "lawyer-3", "legal-aid", "Facts corrected (borderLegs)", "c2")));
        when(histories.find(incidentId)).thenReturn(Optional.of(history));
        mvc.perform(get("/api/v1/incidents/{id}/history", incidentId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[1].eventType").value("IncidentFactsCorrected"))
                .andExpect(jsonPath("$.entries[1].author").value("lawyer-3"));
        // An eventual read asks whether the view is being rebuilt in its own statement, not the guard apart.
        verifyNoInteractions(guard);
        verify(queries, never()).query(any(), any(ResponseType.class));
    }

    @Test
    void aStrongReadOfTheHistoryAsksTheGuardBeforeWaitingForTheViews() throws Exception {
        when(histories.find(incidentId)).thenReturn(Optional.of(new CaseHistory(incidentId, List.of())));
        mvc.perform(get("/api/v1/incidents/{id}/history?consistency=STRONG", incidentId))
                .andExpect(status().isOk());
        InOrder order = inOrder(guard, consistency, histories);
        order.verify(guard).requireServing("case-history");
        order.verify(consistency).await(ViewConsistency.Level.STRONG);
        order.verify(histories).find(incidentId);
    }

    @Test
    void aHistoryReadThatFindsItsViewBeingRebuiltAnswers503WithTheRebuildsProgress() throws Exception {
        when(histories.find(incidentId)).thenThrow(new ViewServing.Rebuilding("case-history"));
        doThrow(new ViewRebuildingException(java.util.Map.of("case-history", 12.5)))
                .when(guard).requireServing("case-history");
        mvc.perform(get("/api/v1/incidents/{id}/history", incidentId))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("/problems/view-rebuilding"))
                .andExpect(jsonPath("$.percentDone.case-history").value(12.5));
    }

    @Test
    void aHistoryReadIsAnsweredOnceTheRebuildItFoundHasCaughtUp() throws Exception {
        CaseHistory history = new CaseHistory(incidentId, List.of());
        when(histories.find(incidentId)).thenThrow(new ViewServing.Rebuilding("case-history"))
                .thenReturn(Optional.of(history));
        mvc.perform(get("/api/v1/incidents/{id}/history", incidentId)).andExpect(status().isOk());
        verify(guard).requireServing("case-history"); // marks the caught-up replay finished
    }

    @Test
    void aHistoryReadThatFindsANewRebuildAfterTheLastAsksTheGuardAgain() throws Exception {
        when(histories.find(incidentId)).thenThrow(new ViewServing.Rebuilding("case-history"));
        doNothing().doThrow(new ViewRebuildingException(java.util.Map.of("case-history", 0.0)))
                .when(guard).requireServing("case-history");
        mvc.perform(get("/api/v1/incidents/{id}/history", incidentId))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.percentDone.case-history").value(0.0));
        verify(histories, times(2)).find(incidentId);
    }

    @Test
    void aHistoryReadThatFindsARebuildEveryTimeTheGuardFindsNoneAnswers503() throws Exception {
        when(histories.find(incidentId)).thenThrow(new ViewServing.Rebuilding("case-history"));
        mvc.perform(get("/api/v1/incidents/{id}/history", incidentId))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("/problems/view-rebuilding"))
                .andExpect(jsonPath("$.detail").value(containsString("case-history")));
        verify(histories, times(2)).find(incidentId);
        verify(guard, times(2)).requireServing("case-history");
    }

    @Test
    void theHistoryOfAnUnknownIncidentIsNotFound() throws Exception {
        when(histories.find(incidentId)).thenReturn(Optional.empty());
        mvc.perform(get("/api/v1/incidents/{id}/history", incidentId)).andExpect(status().isNotFound());
    }

    @Test
    void listingPassesEveryFilterOnAndAnswersThePageWithTheKeptTotal() throws Exception {
        whenAsked(ListIncidentsQuery.class, List.of(view));
        whenAsked(CountIncidentsQuery.class, 21L);
        mvc.perform(get("/api/v1/incidents").param("kind", "PUSHBACK").param("country", "RS")
                        .param("borderLeg", "HU-RS").param("from", "2023-01-01").param("to", "2023-12-31")
                        .param("status", "RETRACTED").param("page", "2").param("size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(21))
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.size").value(10))
                .andExpect(jsonPath("$.items[0].incidentId").value(incidentId.toString()));
        ArgumentCaptor<ListIncidentsQuery> query = ArgumentCaptor.forClass(ListIncidentsQuery.class);
        verify(queries).query(query.capture(), any(ResponseType.class));
        assertThat(query.getValue().filter().kind()).isEqualTo(IncidentKind.PUSHBACK);
        assertThat(query.getValue().filter().country()).isEqualTo(CountryCode.of("RS"));
        assertThat(query.getValue().filter().borderLeg()).isEqualTo(BorderLeg.of("HU", "RS"));
        assertThat(query.getValue().filter().status()).isEqualTo(IncidentStatus.RETRACTED);
        assertThat(query.getValue().page()).isEqualTo(2);
        // The total is the count of the same filter, kept with the incident summary's position.
        ArgumentCaptor<CountIncidentsQuery> count = ArgumentCaptor.forClass(CountIncidentsQuery.class);
        verify(answers).answerHere(eq("incident-summary"), count.capture(), eq(Long.class), any());
        assertThat(count.getValue().filter()).isEqualTo(query.getValue().filter());
    }

    @Test
    void badListFiltersAreRefusedByName() throws Exception {
        mvc.perform(get("/api/v1/incidents").param("borderLeg", "HU>RS"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("borderLeg"));
        mvc.perform(get("/api/v1/incidents").param("borderLeg", "HU-HU"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("borderLeg"));
        mvc.perform(get("/api/v1/incidents").param("country", "XX"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("country"));
        mvc.perform(get("/api/v1/incidents").param("kind", "SHIPWRECK"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "must be one of PUSHBACK, POLICE_VIOLENCE, READMISSION_DEPORTATION"))
                .andExpect(content().string(not(containsString("SHIPWRECK"))))
                .andExpect(content().string(not(containsString("eu.borderviolence"))));
        mvc.perform(get("/api/v1/incidents").param("from", "2023-12-01").param("to", "2023-01-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/incidents").param("size", "500"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/incidents").param("page", "-1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/v1/incidents").param("from", "yesterday"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void reportingAnIncidentAnswersCreatedAtVersionZero() throws Exception {
        mvc.perform(write(post("/api/v1/incidents"), Bodies.PUSHBACK_HU_RS))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(header().string("Location", containsString("/api/v1/incidents/")))
                .andExpect(jsonPath("$.version").value(0));
        ArgumentCaptor<CommandMessage<ReportIncidentCommand>> sent = captor();
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().getPayload().facts().kind()).isEqualTo(IncidentKind.PUSHBACK);
    }

    @Test
    void reportingAPushbackWithoutALegIsRefused() throws Exception {
        mvc.perform(write(post("/api/v1/incidents"), "{\"kind\":\"PUSHBACK\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("a pushback needs at least one border leg"));
    }

    @Test
    void aCorrectionBasedOnTheCurrentVersionAnswersTheNewVersion() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(4L);
        mvc.perform(write(post("/api/v1/incidents/{id}/corrections", incidentId),
                        Bodies.correction(Bodies.PUSHBACK_HR_RS, "Second interview: pushed back from Croatia"))
                        .header("If-Match", "\"3\""))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"4\""))
                .andExpect(jsonPath("$.version").value(4));
        ArgumentCaptor<CommandMessage<CorrectIncidentFactsCommand>> sent = captor();
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().getPayload().expectedVersion()).isEqualTo(3L);
        assertThat(sent.getValue().getPayload().facts().borderLegs()).containsExactly(BorderLeg.of("HR", "RS"));
        assertThat(sent.getValue().getPayload().correctedBy().principal()).isEqualTo("lawyer-3");
    }

    @Test
    void aCorrectionWithoutIfMatchIsRefused() throws Exception {
        mvc.perform(write(post("/api/v1/incidents/{id}/corrections", incidentId),
                        Bodies.correction(Bodies.PUSHBACK_HR_RS, "reason")))
                .andExpect(status().isPreconditionRequired());
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aCorrectionBasedOnAStaleVersionIsRefused() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(
                new ConflictingAggregateVersionException(incidentId.toString(), 2, 3));
        mvc.perform(write(post("/api/v1/incidents/{id}/corrections", incidentId),
                        Bodies.correction(Bodies.PUSHBACK_HR_RS, "reason")).header("If-Match", "\"2\""))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.currentVersion").value(3));
    }

    @Test
    void aCorrectionWithAMalformedIfMatchIsABadRequest() throws Exception {
        mvc.perform(write(post("/api/v1/incidents/{id}/corrections", incidentId),
                        Bodies.correction(Bodies.PUSHBACK_HR_RS, "reason")).header("If-Match", "\"abc\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("If-Match"));
    }

    @Test
    void aCorrectionNeedsAReason() throws Exception {
        mvc.perform(write(post("/api/v1/incidents/{id}/corrections", incidentId),
                        "{\"facts\":" + Bodies.PUSHBACK_HR_RS + "}").header("If-Match", "3"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    void correctingARetractedIncidentIsRefused() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new RefusedException("incident was retracted; you cannot correct it"));
        mvc.perform(write(post("/api/v1/incidents/{id}/corrections", incidentId),
                        Bodies.correction(Bodies.PUSHBACK_HR_RS, "reason")).header("If-Match", "3"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/refused"));
    }

    @Test
    void correctingAnUnknownIncidentIsNotFound() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new AggregateNotFoundException(incidentId.toString(), "none"));
        mvc.perform(write(post("/api/v1/incidents/{id}/corrections", incidentId),
                        Bodies.correction(Bodies.PUSHBACK_HR_RS, "reason")).header("If-Match", "3"))
                .andExpect(status().isNotFound());
    }

    @Test
    void corroboratingRecordsTheEvidence() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(4L);
        mvc.perform(write(post("/api/v1/incidents/{id}/corroborations", incidentId),
                        "{\"source\":\"MEDICAL_REPORT\",\"reference\":\"MSF 2023/114\",\"confidence\":\"CONFIRMED\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(4));
        ArgumentCaptor<CommandMessage<CorroborateIncidentCommand>> sent = captor();
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().getPayload().source()).isEqualTo(CorroborationSource.MEDICAL_REPORT);
    }

    @Test
    void aCorroborationWithoutIfMatchThatLostARaceToAnotherWriterIsSentAgain() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new ConcurrencyException("another node appended first"))
                .thenReturn(5L);
        mvc.perform(write(post("/api/v1/incidents/{id}/corroborations", incidentId),
                        "{\"source\":\"MEDICAL_REPORT\",\"reference\":\"MSF 2023/114\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(5));
        verify(commands, times(2)).sendAndWait(any());
    }

    @Test
    void aCorroborationBasedOnAVersionIsNotSentAgainWhenItLosesARace() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new ConcurrencyException("another node appended first"));
        mvc.perform(write(post("/api/v1/incidents/{id}/corroborations", incidentId),
                        "{\"source\":\"MEDICAL_REPORT\",\"reference\":\"MSF 2023/114\"}").header("If-Match", "4"))
                .andExpect(status().isConflict());
        verify(commands, times(1)).sendAndWait(any());
    }

    @Test
    void aRetractionThatKeepsLosingRacesIsAnsweredWithAConflictAfterThreeAttempts() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new ConcurrencyException("busy incident"));
        mvc.perform(write(post("/api/v1/incidents/{id}/retraction", incidentId), "{\"reason\":\"Fabricated.\"}"))
                .andExpect(status().isConflict());
        verify(commands, times(3)).sendAndWait(any());
    }

    @Test
    void corroborationNeedsItsSource() throws Exception {
        mvc.perform(write(post("/api/v1/incidents/{id}/corroborations", incidentId), "{\"reference\":\"x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("source"));
    }

    @Test
    void mergingPointsTheDuplicateToTheSurvivor() throws Exception {
        IncidentId survivor = IncidentId.random();
        mvc.perform(write(post("/api/v1/incidents/{id}/merge", incidentId),
                        "{\"survivorId\":\"" + survivor + "\",\"reason\":\"same group, same night\"}")
                        .header("If-Match", "\"3\""))
                .andExpect(status().isNoContent())
                .andExpect(header().string("Location", "/api/v1/incidents/" + survivor));
        ArgumentCaptor<CommandMessage<MergeIncidentsCommand>> sent = captor();
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().getPayload().survivorId()).isEqualTo(survivor);
        assertThat(sent.getValue().getPayload().expectedDuplicateVersion()).isEqualTo(3L);
    }

    @Test
    void mergingIntoItselfIsRefused() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new RefusedException("an incident cannot be merged into itself"));
        mvc.perform(write(post("/api/v1/incidents/{id}/merge", incidentId),
                        "{\"survivorId\":\"" + incidentId + "\",\"reason\":\"dup\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("an incident cannot be merged into itself"));
    }

    @Test
    void mergingNeedsASurvivor() throws Exception {
        mvc.perform(write(post("/api/v1/incidents/{id}/merge", incidentId), "{\"reason\":\"dup\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("survivorId"));
    }

    @Test
    void retractingAnswersTheNewVersion() throws Exception {
        when(commands.sendAndWait(any())).thenReturn(5L);
        mvc.perform(write(post("/api/v1/incidents/{id}/retraction", incidentId),
                        "{\"reason\":\"The witness confused it with an earlier incident.\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(5));
        ArgumentCaptor<CommandMessage<RetractIncidentCommand>> sent = captor();
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().getPayload().expectedVersion()).isNull();
    }

    @Test
    void retractingNeedsAReason() throws Exception {
        mvc.perform(write(post("/api/v1/incidents/{id}/retraction", incidentId), "{\"reason\":\" \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    @WithRegistryUser(role = Role.REPORTER)
    void aReporterMayNotMergeOrRetract() throws Exception {
        mvc.perform(write(post("/api/v1/incidents/{id}/retraction", incidentId), "{\"reason\":\"x\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("/problems/forbidden"));
        mvc.perform(write(post("/api/v1/incidents/{id}/merge", incidentId),
                        "{\"survivorId\":\"" + IncidentId.random() + "\",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    @org.springframework.security.test.context.support.WithAnonymousUser
    void anUnauthenticatedCallerIsRefused() throws Exception {
        mvc.perform(get("/api/v1/incidents/{id}", incidentId))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(header().string("WWW-Authenticate", "Bearer"));
        mvc.perform(write(post("/api/v1/incidents/{id}/retraction", incidentId), "{\"reason\":\"x\"}"))
                .andExpect(status().isUnauthorized());
        verify(commands, never()).sendAndWait(any());
    }

    private <Q> void whenAsked(Class<Q> queryType, Object answer) {
        when(queries.query(any(queryType), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(answer));
        when(queries.query(any(queryType), any(Class.class)))
                .thenReturn(CompletableFuture.completedFuture(answer));
    }

    private static MockHttpServletRequestBuilder write(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <C> ArgumentCaptor<CommandMessage<C>> captor() {
        return (ArgumentCaptor) ArgumentCaptor.forClass(CommandMessage.class);
    }
}
