package eu.borderviolence.registry.api.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.RegistryApplication;
import eu.borderviolence.registry.api.security.Role;
import eu.borderviolence.registry.api.security.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An H2 registry with a history (reports, a second witness, a correction, a merge, an erased witness) copied to a new
 * PostgreSQL database, then served from it: the same events at the same positions with the same metadata, the same
 * chain ending in the same hash, the same witnesses readable and the erased one still erased, views rebuilt to the
 * same answers, and new events continuing after the copied ones.
 */
class RegistryCopyTest {

    private static final String CIRCUMSTANCES = """
            {"recordedOn":"2023-07-16","recordedIn":"RS","recordedAt":"Subotica","language":"fa-AF",
             "interpreterUsed":true,"consent":{"store":true,"shareWithLawyers":true,"publishAnonymised":false}}""";
    private static final String PUSHBACK = """
            {"kind":"PUSHBACK","date":{"precision":"DAY_UNKNOWN","month":"2023-07"},
             "borderLegs":[{"from":"HU","to":"RS"}],"people":{"groupSize":9,"minors":3,"unaccompaniedMinors":1},
             "nationalities":[{"nationality":"AF","count":6},{"nationality":"SY","count":3}],
             "authorities":[{"authority":{"country":"HU","agency":"BORDER_POLICE"},"roles":["APPREHENDED","EXPELLED"]}],
             "frontex":{"role":"OBSERVING","recognisedBy":["ARMBAND"]},
             "violations":["BEATING","PEPPER_SPRAY"],"asylum":"ASKED_AND_REFUSED","confidence":"LIKELY"}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private TestPostgres.Database database;
    private Map<Role, String> tokens;
    private String base;

    @BeforeEach
    void freshDatabase() {
        database = TestPostgres.freshDatabase("copy");
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void aCopiedRegistryServesTheSameHistoryFromPostgres(@TempDir Path dataDir) throws Exception {
        List<String> before;
        String kept;
        String erased;
        long lastPosition;
        try (ConfigurableApplicationContext app = start(List.of("--registry.data-dir=" + dataDir))) {
            JsonNode first = json.readTree(post("/api/v1/testimonies", testimony("Witness A"), Role.REPORTER,
                    "Idempotency-Key", "copy-1").body());
            String incidentId = first.get("incidentId").asText();
            kept = first.get("testimonyId").asText();
            erased = json.readTree(post("/api/v1/testimonies", """
                    {"incidentId":"%s","circumstances":%s,"witness":{"pseudonym":"Witness B","age":17}}"""
                    .formatted(incidentId, CIRCUMSTANCES), Role.REPORTER).body()).get("testimonyId").asText();
            assertThat(post("/api/v1/incidents/" + incidentId + "/corrections", "{\"facts\":" + PUSHBACK.replace(
                    "\"groupSize\":9", "\"groupSize\":11") + ",\"reason\":\"Recount.\"}", Role.LAWYER, "If-Match", "2")
                    .statusCode()).isEqualTo(200);
            String duplicate = json.readTree(post("/api/v1/incidents", PUSHBACK, Role.LAWYER).body())
                    .get("incidentId").asText();
            assertThat(post("/api/v1/incidents/" + duplicate + "/merge", "{\"survivorId\":\"" + incidentId
                    + "\",\"reason\":\"Same group.\"}", Role.LAWYER).statusCode()).isEqualTo(204);
            assertThat(post("/api/v1/testimonies/" + erased + "/erasure", "{\"reason\":\"The witness asked.\"}",
                    Role.REPORTER).statusCode()).isEqualTo(204);
            before = snapshot(incidentId, kept, erased);
            lastPosition = lastPosition();
        }

        ByteArrayOutputStream report = new ByteArrayOutputStream();
        int exit = RegistryCopy.run(new String[]{"--from=" + dataDir, "--to=" + database.url(),
                "--to-user=" + database.user()}, new PrintStream(report, true, StandardCharsets.UTF_8));
        String printed = report.toString(StandardCharsets.UTF_8);
        System.out.print(printed); // what an operator sees; quoted in docs/operations.md
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("domain_event_entry", "identical", "Integrity chain on the target: intact and "
                + "identical", "Copy verified.").doesNotContain("DIFFERENT", "Witness");

        try (ConfigurableApplicationContext app = start(database.applicationArguments())) {
            String incidentId = json.readTree(before.get(0)).get("incidentId").asText();
            assertThat(snapshot(incidentId, kept, erased)).isEqualTo(before);
            JsonNode status = json.readTree(get("/api/v1/views/status/incident-facts", Role.AUDITOR).body());
            for (int attempt = 0; attempt < 50 && !status.get("state").asText().equals("LIVE"); attempt++) {
                Thread.sleep(100);
                status = json.readTree(get("/api/v1/views/status/incident-facts", Role.AUDITOR).body());
            }
            assertThat(status.at("/rebuild/requestedBy").asText()).isEqualTo(RegistryCopy.COPIED_BY);
            assertThat(status.get("state").asText()).isEqualTo("LIVE");

            // New events continue after the copied ones, and the chain goes on linking them.
            JsonNode next = json.readTree(post("/api/v1/incidents", PUSHBACK, Role.LAWYER).body());
            assertThat(next.has("incidentId")).isTrue();
            assertThat(lastPosition()).isGreaterThan(lastPosition);
            JsonNode verified = json.readTree(get("/api/v1/audit/verify", Role.AUDITOR).body());
            assertThat(verified.get("intact").asBoolean()).isTrue();
        }

        // A second copy into a registry that exists is refused, and changes nothing.
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(RegistryCopy.run(new String[]{"--from=" + dataDir, "--to=" + database.url(),
                "--to-user=" + database.user()}, new PrintStream(again, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("Refused: the target database already holds");
    }

    @Test
    void theToolExplainsWhatItNeeds(@TempDir Path empty) {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8);
        assertThat(RegistryCopy.run(new String[]{"--to=" + database.url()}, out)).isEqualTo(64);
        assertThat(RegistryCopy.run(new String[]{"--from=" + empty, "--to=" + database.url()}, out)).isEqualTo(64);
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("--from and --to are required",
                "no registry database", "usage: copy-to-postgres");
    }

    /** What a lawyer, a monitor and an auditor see, everything waiting for the views to be complete. */
    private List<String> snapshot(String incidentId, String kept, String erased) throws Exception {
        List<String> seen = new ArrayList<>();
        seen.add(awaitServed("/api/v1/incidents/" + incidentId + "?consistency=STRONG", Role.LAWYER));
        seen.add(awaitServed("/api/v1/incidents/" + incidentId + "/history?consistency=STRONG", Role.LAWYER));
        seen.add(awaitServed("/api/v1/incidents?size=50&status=MERGED&consistency=STRONG", Role.LAWYER));
        seen.add(awaitServed("/api/v1/views/borders?listIncidents=true&consistency=STRONG", Role.LAWYER));
        seen.add(awaitServed("/api/v1/testimonies/" + kept, Role.REPORTER));
        seen.add(awaitServed("/api/v1/testimonies/" + erased, Role.REPORTER));
        seen.add(awaitServed("/api/v1/events?after=0&limit=1000", Role.AUDITOR));
        JsonNode chain = json.readTree(awaitServed("/api/v1/audit/verify", Role.AUDITOR));
        seen.add(chain.get("intact") + " " + chain.get("checked") + " " + chain.get("headHash"));
        return seen;
    }

    /** Views being rebuilt answer 503 with Retry-After; a reader waits, as clients do. */
    private String awaitServed(String path, Role role) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            HttpResponse<String> response = get(path, role);
            if (response.statusCode() != 503) {
                assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
                return response.body();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " still unavailable");
    }

    private long lastPosition() throws Exception {
        JsonNode events = json.readTree(awaitServed("/api/v1/events?after=0&limit=1000", Role.AUDITOR)).get("events");
        return events.get(events.size() - 1).get("position").asLong();
    }

    private ConfigurableApplicationContext start(List<String> storage) {
        RegistryApplication.disableAxonUpdateChecker();
        List<String> arguments = new ArrayList<>(storage);
        arguments.add("--server.port=0");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RegistryApplication.class)
                .run(arguments.toArray(String[]::new));
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        tokens = TestTokens.issue(app);
        return app;
    }

    private String testimony(String pseudonym) {
        return """
                {"circumstances":%s,"incident":%s,"witness":{"pseudonym":"%s","age":15,"narrative":"They beat us."}}"""
                .formatted(CIRCUMSTANCES, PUSHBACK, pseudonym);
    }

    private HttpResponse<String> get(String path, Role role) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + tokens.get(role)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, Role role, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.get(role))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
