package eu.borderviolence.registry.api.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.RegistryApplication;
import eu.borderviolence.registry.api.rest.ViewConsistency;
import eu.borderviolence.registry.api.security.Role;
import eu.borderviolence.registry.api.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild of every view yields exactly the views the live processors built: on a demo history of more than 10,000
 * events with corrections, merges and retractions, every row of every read-model table, and the figures the API
 * answers, are the same after all views were emptied and replayed from the event store.
 */
class RebuildEqualityTest {

    private static final int TESTIMONIES = 4200;
    /**
     * Axon's own tables and the tables that are not views: never emptied by a rebuild. {@code DURABILITY_MARK} counts
     * H2's flushes, one of them the rebuild request's own.
     */
    private static final Set<String> NOT_VIEWS = Set.of("DOMAIN_EVENT_ENTRY", "SNAPSHOT_EVENT_ENTRY", "TOKEN_ENTRY",
            "ASSOCIATION_VALUE_ENTRY", "SAGA_ENTRY", "DEAD_LETTER_ENTRY", "IDEMPOTENCY_RECORD",
            "FLYWAY_SCHEMA_HISTORY", "EVENT_CHAIN", "REGISTRY_ACCOUNT", "API_TOKEN", "CASE_GRANT", "VIEW_REBUILD",
            "DURABILITY_MARK");
    private static final List<String> FIGURES = List.of("/api/v1/views/borders?listIncidents=true",
            "/api/v1/views/authorities?listIncidents=true", "/api/v1/views/frontex",
            "/api/v1/views/readmissions?listIncidents=true&includeRetracted=true",
            "/api/v1/views/quarterly-report/2022-Q3?listIncidents=true",
            "/api/v1/views/search?size=200&sort=CHANGED_DESC&includeRetracted=true",
            "/api/v1/incidents?size=200&status=RETRACTED");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private Map<Role, String> tokens;

    @Test
    void rebuildingEveryViewYieldsExactlyTheLiveViews(@TempDir Path dataDir) throws Exception {
        RegistryApplication.disableAxonUpdateChecker();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RegistryApplication.class).run(
                "--server.port=0", "--registry.data-dir=" + dataDir, "--registry.demo.load=true",
                "--registry.demo.testimonies=" + TESTIMONIES)) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            tokens = TestTokens.issue(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
                    .isGreaterThanOrEqualTo(10_000);
            app.getBean(ViewConsistency.class).await(ViewConsistency.Level.STRONG);
            Map<String, List<Map<String, Object>>> live = dump(jdbc);
            Map<String, String> liveFigures = figures(base);
            assertThat(live.get("FACT_INCIDENT")).isNotEmpty();
            // Damage two views behind their processors' backs: only a real replay can bring the rows back.
            jdbc.update("update fact_incident set border_legs = cast(array[] as varchar(5) array)");
            jdbc.update("delete from case_history_entry where sequence_number = 0");

            HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/views/rebuilds"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + tokens.get(Role.AUDITOR))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).isEqualTo(202);
            assertThat(get(base + "/api/v1/views/borders").statusCode()).isEqualTo(503);
            awaitLive(base);

            assertThat(dump(jdbc)).isEqualTo(live);
            assertThat(figures(base)).isEqualTo(liveFigures);
            JsonNode statuses = json.readTree(get(base + "/api/v1/views/status").body());
            assertThat(statuses.findValuesAsText("view")).as("the six advocacy views share incident-facts (V10)")
                    .containsExactlyInAnyOrder("incident-summary", "case-history", "incident-facts");
            assertThat(get(base + "/api/v1/views/status/border-figures").statusCode())
                    .as("a processor V10 removed is no view any more").isEqualTo(404);
            statuses.forEach(status -> {
                assertThat(status.get("state").asText()).isEqualTo("LIVE");
                assertThat(status.at("/rebuild/percentDone").asDouble()).isEqualTo(100.0);
                assertThat(status.at("/rebuild/requestedBy").asText()).isEqualTo("auditor-1");
                assertThat(status.at("/rebuild/processed").asLong()).isGreaterThanOrEqualTo(10_000);
            });
            String prometheus = get(base + "/actuator/prometheus").body();
            assertThat(prometheus).contains("registry_view_lag{view=\"incident-facts\"}",
                    "registry_view_rebuilding{view=\"incident-facts\"} 0.0",
                    "registry_view_rebuild_progress{view=\"case-history\"}",
                    "registry_view_rebuild_remaining{view=\"incident-summary\"}");
            // The views rebuilt together read the history side by side, each batch once (storage.SharedEventBatches),
            // and the rows above are those each view built from its own reading of the live stream.
            Matcher shared = Pattern.compile("registry_event_batches_total\\{[^}]*read=\"shared\"[^}]*} ([0-9.]+)")
                    .matcher(prometheus);
            assertThat(shared.find()).as(prometheus).isTrue();
            assertThat(Double.parseDouble(shared.group(1))).isPositive();
            assertThat(prometheus).contains("registry_event_batches_total{read=\"database\"}",
                    "registry_event_batches_kept");
        }
    }

    private Map<String, List<Map<String, Object>>> dump(JdbcTemplate jdbc) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = 'PUBLIC' order by table_name", String.class)) {
            if (!NOT_VIEWS.contains(table.toUpperCase(java.util.Locale.ROOT))) {
                List<String> columns = jdbc.queryForList("select column_name from information_schema.columns "
                        + "where table_schema = 'PUBLIC' and table_name = ? order by ordinal_position", String.class,
                        table);
                List<Map<String, Object>> rows = jdbc.queryForList("select * from \"" + table + "\" order by "
                        + String.join(", ", columns.stream().filter(c -> !c.endsWith("_JSON"))
                        .map(c -> "\"" + c + "\"").toList()));
                rows.forEach(row -> row.replaceAll((column, value) -> elements(value)));
                tables.put(table, rows);
            }
        }
        return tables;
    }

    /** An array column's value as the list of its elements (JDBC's arrays do not compare by them); others as they are. */
    private static Object elements(Object value) {
        if (value instanceof java.sql.Array array) {
            try {
                return List.of((Object[]) array.getArray());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return value;
    }

    private Map<String, String> figures(String base) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : FIGURES) {
            HttpResponse<String> response = get(base + path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            answers.put(path, response.body());
        }
        return answers;
    }

    private void awaitLive(String base) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonNode statuses = json.readTree(get(base + "/api/v1/views/status").body());
            boolean live = true;
            for (JsonNode status : statuses) {
                live &= status.get("state").asText().equals("LIVE");
            }
            if (live) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the views were not rebuilt within three minutes");
    }

    /** Views and incidents as a lawyer reads them (exact figures); status and metrics as the auditor. */
    private HttpResponse<String> get(String url) throws Exception {
        Role role = url.contains("/api/v1/views/status") || url.contains("/actuator") ? Role.AUDITOR : Role.LAWYER;
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + tokens.get(role))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
