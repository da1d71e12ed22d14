package eu.borderviolence.registry.api.rest;

import eu.borderviolence.registry.api.security.Role;
import eu.borderviolence.registry.api.security.SecuredWebMvc;
import eu.borderviolence.registry.api.security.WithRegistryUser;
import eu.borderviolence.registry.api.error.IdempotencyKeyReusedException;
import eu.borderviolence.registry.api.idempotency.IdempotentRequests;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.RefusedException;
import eu.borderviolence.registry.core.api.RegistryMetaData;
import eu.borderviolence.registry.core.api.SubmitTestimonyCommand;
import eu.borderviolence.registry.core.api.TestimonyId;
import eu.borderviolence.registry.core.api.TestimonySubmitted;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = TestimonyController.class, properties = "registry.api.max-body-size=8KB")
@Import({RequestChecks.class, FixedClock.class, SecuredWebMvc.class})
@WithRegistryUser(role = Role.REPORTER)
class TestimonyControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    QueryGateway queries;
    @MockitoBean
    IdempotentRequests idempotency;

    private final TestimonyId testimonyId = TestimonyId.random();
    private final IncidentId incidentId = IncidentId.random();

    @BeforeEach
    void acceptCommands() {
        when(commands.sendAndWait(any())).thenReturn(new TestimonySubmitted(testimonyId, incidentId, true));
    }

    @Test
    void submittingATestimonyReportsTheIncidentAndAnswersCreated() throws Exception {
        mvc.perform(submit(Bodies.testimony(Bodies.PUSHBACK_HU_RS)).header("X-Correlation-Id", "corr-1")
                        .header("X-Request-Id", "field-visit-7"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/incidents/" + incidentId))
                .andExpect(header().string("X-Correlation-Id", "corr-1"))
                .andExpect(jsonPath("$.testimonyId").value(testimonyId.toString()))
                .andExpect(jsonPath("$.incidentCreated").value(true));

        CommandMessage<SubmitTestimonyCommand> sent = sentCommand();
        assertThat(sent.getPayload().existingIncident()).isFalse();
        assertThat(sent.getPayload().reportedFacts().borderLegs()).hasSize(1);
        assertThat(sent.getPayload().witness().pseudonym()).isEqualTo(Bodies.MARKER);
        assertThat(sent.getMetaData())
                .containsEntry(RegistryMetaData.PRINCIPAL, "monitor-17")
                .containsEntry(RegistryMetaData.ORGANISATION, "klikaktiv")
                .containsEntry(RegistryMetaData.CORRELATION_ID, "corr-1")
                .containsEntry(RegistryMetaData.CLIENT_REQUEST_ID, "field-visit-7");
    }

    @Test
    void aTestimonyWithAnIncidentIdIsAttachedToThatIncident() throws Exception {
        mvc.perform(submit(Bodies.attachedTestimony(incidentId.toString())))
                .andExpect(status().isCreated());

        SubmitTestimonyCommand command = sentCommand().getPayload();
        assertThat(command.existingIncident()).isTrue();
        assertThat(command.incidentId()).isEqualTo(incidentId);
    }

    @Test
    void anIdempotencyKeyGoesThroughTheIdempotencyRecords() throws Exception {
        when(idempotency.execute(eq("klikaktiv"), eq("testimonies"), eq("key-1"), any(), eq(TestimonySubmitted.class),
                any(), any())).thenReturn(new IdempotentRequests.Outcome<>(
                new TestimonySubmitted(testimonyId, incidentId, true), true));

        mvc.perform(submit(Bodies.testimony(Bodies.PUSHBACK_HU_RS)).header("Idempotency-Key", "key-1"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.incidentId").value(incidentId.toString()));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() throws Exception {
        when(idempotency.execute(anyString(), anyString(), anyString(), any(), any(), any(), any()))
                .thenThrow(new IdempotencyKeyReusedException());

        expectNoPersonalData(mvc.perform(submit(Bodies.testimony(Bodies.PUSHBACK_HU_RS))
                        .header("Idempotency-Key", "key-1"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("/problems/idempotency-key-reused"))
                .andReturn());
    }

    @Test
    @org.springframework.security.test.context.support.WithAnonymousUser
    void aWriteWithoutAnAuthenticatedAuthorIsRefused() throws Exception {
        mvc.perform(post("/api/v1/testimonies").contentType(MediaType.APPLICATION_JSON)
                        .content(Bodies.testimony(Bodies.PUSHBACK_HU_RS)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString(Bodies.MARKER))));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    @WithRegistryUser(role = Role.ANALYST)
    void onlyReportersSubmitTestimonies() throws Exception {
        mvc.perform(post("/api/v1/testimonies").contentType(MediaType.APPLICATION_JSON)
                        .content(Bodies.testimony(Bodies.PUSHBACK_HU_RS)))
                .andExpect(status().isForbidden());
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void malformedJsonIsRefused() throws Exception {
        mvc.perform(submit("{\"circumstances\": {"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The request body is not well-formed JSON."));
    }

    @Test
    void unknownFieldsAreRefusedByName() throws Exception {
        String body = Bodies.testimony(Bodies.PUSHBACK_HU_RS).replace("\"age\":16", "\"age\":16,\"favourite\":1");
        mvc.perform(submit(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("witness.favourite"))
                .andExpect(jsonPath("$.errors[0].message").value("unknown field"));
    }

    @Test
    void unknownViolationCodesAreRefusedWithTheAllowedCodes() throws Exception {
        String body = Bodies.testimony(Bodies.PUSHBACK_HU_RS).replace("\"DOG_ATTACK\"", "\"DOG_BITE\"");
        mvc.perform(submit(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(containsString("incident.violations")))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("allowed: BEATING")));
    }

    @Test
    void badCountryCodesAreRefused() throws Exception {
        String body = Bodies.testimony(Bodies.PUSHBACK_HU_RS).replace("\"from\":\"HU\"", "\"from\":\"hu\"");
        mvc.perform(submit(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("incident.borderLegs[0].from"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("ISO 3166-1 alpha-2")));
    }

    @Test
    void impossibleCountsAreRefused() throws Exception {
        String body = Bodies.testimony(Bodies.PUSHBACK_HU_RS).replace("\"minors\":4", "\"minors\":40");
        mvc.perform(submit(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("incident.people"))
                .andExpect(jsonPath("$.errors[0].message").value("minors must not exceed the group size"));
    }

    @Test
    void coordinatesOutOfRangeAreRefused() throws Exception {
        String body = Bodies.testimony(Bodies.PUSHBACK_HU_RS).replace("\"borderSection\":\"Röszke–Horgoš fence\"",
                "\"coordinates\":{\"latitude\":146.1,\"longitude\":19.6}");
        mvc.perform(submit(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("incident.place.coordinates"))
                .andExpect(jsonPath("$.errors[0].message").value("latitude must be between -90 and 90"));
    }

    @Test
    void incidentsInTheFutureAreRefused() throws Exception {
        String body = Bodies.testimony(Bodies.PUSHBACK_HU_RS).replace("2023-07-14", "2026-12-01");
        mvc.perform(submit(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("incident.date"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be in the future"));
    }

    @Test
    void aNewIncidentNeedsItsFactsAndEveryTestimonyItsCircumstances() throws Exception {
        mvc.perform(submit("{\"witness\":{\"pseudonym\":\"x\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("circumstances"))
                .andExpect(jsonPath("$.errors[1].field").value("incident"));
    }

    @Test
    void bodiesOverTheLimitAreRefused() throws Exception {
        String narrative = "x".repeat(9_000);
        mvc.perform(submit(Bodies.testimony(Bodies.PUSHBACK_HU_RS).replace("They beat me", narrative)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("/problems/payload-too-large"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void otherContentTypesAreRefused() throws Exception {
        mvc.perform(post("/api/v1/testimonies").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(header().string("Content-Type", "application/problem+json"));
    }

    @Test
    void aTestimonyAttachedWhileAnotherNodeWroteTheSameIncidentIsStoredOnASecondAttempt() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new ConcurrencyException("another node appended first"))
                .thenReturn(new TestimonySubmitted(testimonyId, incidentId, false));
        mvc.perform(submit(Bodies.attachedTestimony(incidentId.toString())))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.incidentCreated").value(false));
        verify(commands, times(2)).sendAndWait(any());
    }

    @Test
    void attachingToAnUnknownIncidentIsNotFound() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new AggregateNotFoundException(incidentId.toString(), "none"));
        expectNoPersonalData(mvc.perform(submit(Bodies.attachedTestimony(incidentId.toString())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString(incidentId.toString())))
                .andReturn());
    }

    @Test
    void attachingToARetractedIncidentIsRefusedWithTheDomainMessage() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new RefusedException("incident was retracted"));
        mvc.perform(submit(Bodies.attachedTestimony(incidentId.toString())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("incident was retracted"));
    }

    @Test
    void errorsNeverEchoPersonalData() throws Exception {
        String tooOld = Bodies.testimony(Bodies.PUSHBACK_HU_RS).replace("\"age\":16", "\"age\":1600");
        expectNoPersonalData(mvc.perform(submit(tooOld)).andExpect(status().isBadRequest()).andReturn());
        String badGender = Bodies.testimony(Bodies.PUSHBACK_HU_RS).replace("\"MALE\"", "\"" + Bodies.MARKER + "\"");
        expectNoPersonalData(mvc.perform(submit(badGender)).andExpect(status().isBadRequest()).andReturn());
        String badType = Bodies.testimony(Bodies.PUSHBACK_HU_RS).replace("\"age\":16", "\"age\":\"" + Bodies.MARKER + "\"");
        expectNoPersonalData(mvc.perform(submit(badType)).andExpect(status().isBadRequest()).andReturn());
    }

    @Test
    void unexpectedFailuresSayNothingButThatTheyHappened() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new IllegalStateException("boom " + Bodies.MARKER));
        expectNoPersonalData(mvc.perform(submit(Bodies.testimony(Bodies.PUSHBACK_HU_RS)))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("/problems/internal-error"))
                .andReturn());
    }

    private static MockHttpServletRequestBuilder submit(String body) {
        return post("/api/v1/testimonies").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @SuppressWarnings("unchecked")
    private CommandMessage<SubmitTestimonyCommand> sentCommand() {
        ArgumentCaptor<CommandMessage<SubmitTestimonyCommand>> captor = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).sendAndWait(captor.capture());
        return captor.getValue();
    }

    private static void expectNoPersonalData(MvcResult result) {
        assertThat(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
                .doesNotContain(Bodies.MARKER);
    }
}
