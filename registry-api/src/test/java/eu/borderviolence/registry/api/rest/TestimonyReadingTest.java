package eu.borderviolence.registry.api.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.api.idempotency.IdempotentRequests;
import eu.borderviolence.registry.api.security.Accounts;
import eu.borderviolence.registry.api.security.Role;
import eu.borderviolence.registry.api.security.SecuredWebMvc;
import eu.borderviolence.registry.api.security.WithRegistryUser;
import eu.borderviolence.registry.core.api.Actor;
import eu.borderviolence.registry.core.api.FindIncidentQuery;
import eu.borderviolence.registry.core.api.FindTestimonyQuery;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentStatus;
import eu.borderviolence.registry.core.api.IncidentView;
import eu.borderviolence.registry.core.api.TestimonyCircumstances;
import eu.borderviolence.registry.core.api.TestimonyId;
import eu.borderviolence.registry.core.api.TestimonyView;
import eu.borderviolence.registry.core.api.WitnessAccount;
import eu.borderviolence.registry.core.api.EraseWitnessDataCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may read a testimony, personal data included: the organisation that recorded it, and lawyers granted its case.
 * Everyone else gets 404, exactly as for an id that does not exist.
 */
@WebMvcTest(controllers = TestimonyController.class)
@Import({RequestChecks.class, FixedClock.class, SecuredWebMvc.class})
class TestimonyReadingTest {

    private static final IncidentId INCIDENT = IncidentId.random();
    private static final IncidentId SURVIVOR = IncidentId.random();
    private static final TestimonyId TESTIMONY = TestimonyId.random();

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    QueryGateway queries;
    @MockitoBean
    IdempotentRequests idempotency;

    @BeforeEach
    void aTestimonyRecordedByKlikaktiv() throws Exception {
        reset(accounts); // a plain mock bean lives as long as the cached context: no grants left from other tests
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        TestimonyView view = new TestimonyView(TESTIMONY, INCIDENT,
                json.readValue(Bodies.CIRCUMSTANCES, TestimonyCircumstances.class),
                json.readValue(Bodies.PUSHBACK_HU_RS, IncidentFacts.class),
                json.readValue("{\"pseudonym\":\"" + Bodies.MARKER + "\"}", WitnessAccount.class), false,
                new Actor("monitor-17", "klikaktiv"), Instant.parse("2023-07-16T10:00:00Z"));
        when(queries.query(any(FindTestimonyQuery.class), any(ResponseType.class))).thenAnswer(call ->
                CompletableFuture.completedFuture(
                        call.getArgument(0, FindTestimonyQuery.class).testimonyId().equals(TESTIMONY)
                                ? Optional.of(view) : Optional.empty()));
        IncidentView merged = new IncidentView(INCIDENT, 4, IncidentStatus.MERGED, SURVIVOR, List.of(),
                view.reportedFacts(), List.of(TESTIMONY), view.recordedBy(), view.recordedAt(), view.recordedAt(), null);
        when(queries.query(any(FindIncidentQuery.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(Optional.of(merged)));
    }

    @Test
    @WithRegistryUser(role = Role.REPORTER, organisation = "klikaktiv")
    void theRecordingOrganisationReadsItsTestimony() throws Exception {
        mvc.perform(get("/api/v1/testimonies/{id}", TESTIMONY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.witness.pseudonym").value(Bodies.MARKER))
                .andExpect(jsonPath("$.recordedBy.organisation").value("klikaktiv"));
    }

    @Test
    @WithRegistryUser(role = Role.REPORTER, username = "monitor-4", organisation = "partner-ngo")
    void anotherOrganisationCannotReadItEvenWithItsId() throws Exception {
        mvc.perform(get("/api/v1/testimonies/{id}", TESTIMONY))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString(Bodies.MARKER))));
    }

    @Test
    @WithRegistryUser(role = Role.LAWYER, username = "lawyer-3")
    void aLawyerReadsTheTestimoniesOfGrantedCasesOnly() throws Exception {
        mvc.perform(get("/api/v1/testimonies/{id}", TESTIMONY)).andExpect(status().isNotFound());
        when(accounts.isGranted("lawyer-3", INCIDENT.toString())).thenReturn(true);
        mvc.perform(get("/api/v1/testimonies/{id}", TESTIMONY))
                .andExpect(status().isOk()).andExpect(jsonPath("$.witness.pseudonym").value(Bodies.MARKER));
    }

    @Test
    @WithRegistryUser(role = Role.LAWYER, username = "lawyer-3")
    void aGrantOfTheSurvivingIncidentCoversTheTestimoniesOfItsMergedDuplicate() throws Exception {
        when(accounts.isGranted("lawyer-3", SURVIVOR.toString())).thenReturn(true);
        mvc.perform(get("/api/v1/testimonies/{id}", TESTIMONY)).andExpect(status().isOk());
    }

    @Test
    @WithRegistryUser(role = Role.REPORTER, organisation = "klikaktiv")
    void theRecordingOrganisationErasesTheWitnessesData() throws Exception {
        mvc.perform(post("/api/v1/testimonies/{id}/erasure", TESTIMONY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"Consent withdrawn.\"}"))
                .andExpect(status().isNoContent());
        ArgumentCaptor<CommandMessage<EraseWitnessDataCommand>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().getPayload().testimonyId()).isEqualTo(TESTIMONY);
        assertThat(sent.getValue().getPayload().erasedBy().principal()).isEqualTo("monitor-17");
        assertThat(sent.getValue().getMetaData()).containsEntry("role", "REPORTER");
    }

    @Test
    @WithRegistryUser(role = Role.REPORTER, username = "monitor-4", organisation = "partner-ngo")
    void noOneWhoMayNotReadItMayEraseIt() throws Exception {
        mvc.perform(post("/api/v1/testimonies/{id}/erasure", TESTIMONY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"x\"}"))
                .andExpect(status().isNotFound());
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    @WithRegistryUser(role = Role.REPORTER)
    void anErasureNeedsAReason() throws Exception {
        mvc.perform(post("/api/v1/testimonies/{id}/erasure", TESTIMONY).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    @WithRegistryUser(role = Role.ANALYST)
    void analystsNeverReadTestimonies() throws Exception {
        mvc.perform(get("/api/v1/testimonies/{id}", TESTIMONY)).andExpect(status().isForbidden());
    }

    @Test
    @WithRegistryUser(role = Role.REPORTER)
    void anUnknownTestimonyIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/testimonies/{id}", TestimonyId.random())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/testimonies/{id}", "not-an-id")).andExpect(status().isBadRequest());
    }
}
