package eu.borderviolence.registry.api.integrity;

import eu.borderviolence.registry.api.security.Role;
import eu.borderviolence.registry.api.security.SecuredWebMvc;
import eu.borderviolence.registry.api.security.WithRegistryUser;
import eu.borderviolence.registry.api.error.ConsistencyTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@Import(SecuredWebMvc.class)
@WebMvcTest(controllers = IntegrityController.class)
@WithRegistryUser(role = Role.AUDITOR, username = "auditor-1")
class IntegrityControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ChainVerifier verifier;

    @Test
    void reportsTheFirstBrokenLink() throws Exception {
        when(verifier.verify()).thenReturn(new ChainVerification(false, 400, 400, "ab".repeat(32), 0,
                new ChainVerification.BrokenLink(41, "event-41", ChainVerification.Problem.EVENT_ALTERED)));
        mvc.perform(get("/api/v1/audit/verify"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.firstBrokenLink.position").value(41))
                .andExpect(jsonPath("$.firstBrokenLink.problem").value("EVENT_ALTERED"));
    }

    @Test
    void anIntactChainHasNoBrokenLink() throws Exception {
        when(verifier.verify()).thenReturn(new ChainVerification(true, 400, 400, "ab".repeat(32), 2, null));
        mvc.perform(get("/api/v1/audit/verify"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.pendingEvents").value(2))
                .andExpect(jsonPath("$.firstBrokenLink").doesNotExist());
    }

    @Test
    void aChainThatCannotCatchUpAsksTheAuditorToRetry() throws Exception {
        when(verifier.verify()).thenThrow(new ConsistencyTimeoutException(Duration.ofSeconds(5)));
        mvc.perform(get("/api/v1/audit/verify"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"));
    }
}
