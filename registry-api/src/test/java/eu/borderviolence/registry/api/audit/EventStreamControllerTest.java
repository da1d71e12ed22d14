package eu.borderviolence.registry.api.audit;

import eu.borderviolence.registry.api.security.Role;
import eu.borderviolence.registry.api.security.SecuredWebMvc;
import eu.borderviolence.registry.api.security.WithRegistryUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.ArrayList;
import java.util.List;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@Import(SecuredWebMvc.class)
@WebMvcTest(controllers = EventStreamController.class)
@WithRegistryUser(role = Role.AUDITOR, username = "auditor-1")
class EventStreamControllerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @MockitoBean
    JdbcTemplate jdbc;

    @Test
    void aPageHoldsTheEventsAfterThePositionAndSaysWhereToGoOn() throws Exception {
        List<StoredEvent> stored = new ArrayList<>();
        for (long position = 11; position <= 13; position++) {
            stored.add(new StoredEvent(position, "e" + position, "Incident", "i-1", position - 11,
                    "2023-07-16T10:00:00Z", "eu.borderviolence.registry.core.api.IncidentRetractedEvent", "1",
                    json.readTree("{\"reason\":\"duplicate\"}"),
                    json.readTree("{\"principal\":\"lawyer-3\",\"organisation\":\"klikaktiv\",\"correlationId\":\"c\"}")));
        }
        when(jdbc.query(anyString(), any(RowMapper.class), eq(10L), eq(3))).thenReturn(stored);

        mvc.perform(get("/api/v1/events").param("after", "10").param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events.length()").value(2))
                .andExpect(jsonPath("$.events[0].position").value(11))
                .andExpect(jsonPath("$.events[0].payloadRevision").value("1"))
                .andExpect(jsonPath("$.events[0].payload.reason").value("duplicate"))
                .andExpect(jsonPath("$.events[0].metaData.principal").value("lawyer-3"))
                .andExpect(jsonPath("$.next").value(12))
                .andExpect(jsonPath("$.hasMore").value(true));
    }

    @Test
    void theEndOfTheStreamKeepsThePosition() throws Exception {
        when(jdbc.query(anyString(), any(RowMapper.class), eq(40L), eq(101))).thenReturn(List.of());
        mvc.perform(get("/api/v1/events").param("after", "40"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events.length()").value(0))
                .andExpect(jsonPath("$.next").value(40))
                .andExpect(jsonPath("$.hasMore").value(false));
    }

    @Test
    void badPositionsAndLimitsAreRefusedByName() throws Exception {
        mvc.perform(get("/api/v1/events").param("after", "-1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("after"));
        mvc.perform(get("/api/v1/events").param("limit", "0"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/v1/events").param("limit", "5000"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/v1/events").param("after", "start"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("after"));
        verify(jdbc, never()).query(anyString(), any(RowMapper.class), any(), any());
    }
}
