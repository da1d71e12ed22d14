package eu.borderviolence.registry.api.views;

import eu.borderviolence.registry.api.security.Role;
import eu.borderviolence.registry.api.security.SecuredWebMvc;
import eu.borderviolence.registry.api.security.WithRegistryUser;
import eu.borderviolence.registry.api.error.ConflictException;
import eu.borderviolence.registry.api.error.NotFoundException;
import eu.borderviolence.registry.core.api.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@Import(SecuredWebMvc.class)
@WebMvcTest(controllers = ViewStatusController.class)
@WithRegistryUser(role = Role.AUDITOR, username = "auditor-1", organisation = "audit-office")
class ViewStatusControllerTest {

    private static final ViewStatus REBUILDING = new ViewStatus("incident-facts", ViewStatus.State.REBUILDING, 250,
            1000, 750, new ViewStatus.Rebuild("auditor-1", Instant.parse("2026-11-22T10:00:00Z"), 1000, 250, 25.0,
            50.0, 15L, null));

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ViewRebuilds rebuilds;

    @Test
    void statusListsEveryViewWithItsProgress() throws Exception {
        when(rebuilds.statuses()).thenReturn(List.of(REBUILDING));
        mvc.perform(get("/api/v1/views/status"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].view").value("incident-facts"))
                .andExpect(jsonPath("$[0].behind").value(750))
                .andExpect(jsonPath("$[0].rebuild.secondsLeft").value(15));
        when(rebuilds.status("incident-facts")).thenReturn(REBUILDING);
        mvc.perform(get("/api/v1/views/status/incident-facts"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rebuild.percentDone").value(25.0));
    }

    @Test
    void anUnknownViewIsNotFound() throws Exception {
        when(rebuilds.status("nope")).thenThrow(new NotFoundException("view", "nope"));
        mvc.perform(get("/api/v1/views/status/nope")).andExpect(status().isNotFound());
    }

    @Test
    void aRebuildIsAcceptedAndNamesWhoAskedForIt() throws Exception {
        Actor auditor = new Actor("auditor-1", "audit-office");
        when(rebuilds.rebuild(List.of("incident-facts"), auditor)).thenReturn(List.of(REBUILDING));
        mvc.perform(post("/api/v1/views/rebuilds").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"views\":[\"incident-facts\"]}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/views/status"))
                .andExpect(jsonPath("$[0].state").value("REBUILDING"));
    }

    @Test
    void aSecondRebuildOfTheSameViewIsAConflict() throws Exception {
        when(rebuilds.rebuild(any(), any())).thenThrow(new ConflictException("view-rebuilding", "already"));
        mvc.perform(post("/api/v1/views/rebuilds").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/view-rebuilding"));
    }

    @Test
    @WithRegistryUser(role = Role.ANALYST)
    void onlyAuditorsRebuildOrSeeTheStatus() throws Exception {
        mvc.perform(post("/api/v1/views/rebuilds").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/views/status")).andExpect(status().isForbidden());
        verify(rebuilds, never()).rebuild(any(), any());
    }
}
