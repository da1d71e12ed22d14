package eu.borderviolence.registry.api.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.RegistryApplication;
import eu.borderviolence.registry.api.config.MessageMeters;
import eu.borderviolence.registry.api.security.Role;
import eu.borderviolence.registry.api.security.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry end to end, over real HTTP, on a real H2 file database: a monitor submits, a lawyer reads and
 * corrects with a stale and a fresh version, reads the history, an auditor reads the event stream; then the
 * application restarts on the same data directory and serves exactly the same data. Hibernate validates the Flyway
 * schema against the entity mappings on start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
public class RegistryJourneyTest {

    private static final String MARKER = "JOURNEY-PERSONAL-5be0";
    private static final String CIRCUMSTANCES = """
            {"recordedOn":"2023-07-16","recordedIn":"RS","recordedAt":"Subotica","language":"fa-AF",
             "interpreterUsed":true,"consent":{"store":true,"shareWithLawyers":true,"publishAnonymised":false}}""";
    private static final String PUSHBACK = """
            {"kind":"PUSHBACK","date":{"precision":"DAY_UNKNOWN","month":"2023-07"},
             "borderLegs":[{"from":"HU","to":"RS"}],"people":{"groupSize":9,"minors":3,"unaccompaniedMinors":1},
             "nationalities":[{"nationality":"AF","count":6},{"nationality":"SY","count":3}],
             "authorities":[{"authority":{"country":"HU","agency":"BORDER_POLICE"},"roles":["APPREHENDED","EXPELLED"]},
                            {"authority":{"country":"AT","agency":"REGULAR_POLICE"},"roles":["OBSERVED"]}],
             "frontex":{"role":"OBSERVING","recognisedBy":["ARMBAND"]},
             "violations":["BEATING","PEPPER_SPRAY"],"asylum":"ASKED_AND_REFUSED","confidence":"LIKELY"}""";
    private static final String CORRECTED = PUSHBACK.replace("\"from\":\"HU\"", "\"from\":\"HR\"")
            .replace("{\"country\":\"HU\",\"agency\"", "{\"country\":\"HR\",\"agency\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private Map<Role, String> tokens;
    private final ObjectMapper json = new ObjectMapper();
    private String base;

    @Test
    void submitReadCorrectAuditRestartAndReadTheSameAgain(@TempDir Path dataDir, CapturedOutput output)
            throws Exception {
        List<String> before;
        String incidentId;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            // A monitor submits a testimony that reports a pushback, and retries it over a bad connection.
            HttpResponse<String> created = post("/api/v1/testimonies", testimony(PUSHBACK), "Idempotency-Key", "visit-1");
            assertThat(created.statusCode()).isEqualTo(201);
            JsonNode receipt = json.readTree(created.body());
            incidentId = receipt.get("incidentId").asText();
            HttpResponse<String> retried = post("/api/v1/testimonies", testimony(PUSHBACK), "Idempotency-Key", "visit-1");
            assertThat(retried.statusCode()).isEqualTo(201);
            assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(json.readTree(retried.body())).isEqualTo(receipt);
            assertThat(post("/api/v1/testimonies", testimony(CORRECTED), "Idempotency-Key", "visit-1").statusCode())
                    .isEqualTo(422);

            // Several retries racing each other still store the testimony once.
            List<HttpResponse<String>> raced = concurrently(8,
                    () -> post("/api/v1/testimonies", testimony(PUSHBACK), "Idempotency-Key", "visit-2"));
            Set<String> racedBodies = new HashSet<>();
            raced.forEach(r -> {
                assertThat(r.statusCode()).isEqualTo(201);
                racedBodies.add(r.body());
            });
            assertThat(racedBodies).hasSize(1);

            // A second witness of the same incident, answered after one flush to disk where the registry flushes
            // (storage.Durability), and after none where the database's commit is durable itself.
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            long flushedBefore = flushes(meters);
            HttpResponse<String> attached = post("/api/v1/testimonies", """
                    {"incidentId":"%s","circumstances":%s,"witness":{"pseudonym":"%s"}}"""
                    .formatted(incidentId, CIRCUMSTANCES, MARKER));
            assertThat(attached.statusCode()).isEqualTo(201);
            assertThat(json.readTree(attached.body()).get("incidentCreated").asBoolean()).isFalse();
            assertThat(flushes(meters) - flushedBefore).as("flushes for one command")
                    .isEqualTo(flushesItself() ? 1 : 0);

            // The border figures count it on its leg, and keep that answer while nothing changes (views.ViewAnswers).
            assertThat(legsCounting(incidentId)).containsExactly("HU-RS");
            assertThat(legsCounting(incidentId)).containsExactly("HU-RS");
            // So do the incident list's totals.
            long onHuRs = total("/api/v1/incidents?borderLeg=HU-RS&consistency=STRONG");
            long onHrRs = total("/api/v1/incidents?borderLeg=HR-RS&consistency=STRONG");
            assertThat(onHuRs).isPositive();
            assertThat(total("/api/v1/incidents?borderLeg=HU-RS&page=1&consistency=STRONG")).isEqualTo(onHuRs);

            // A lawyer reads it and corrects it, first from a stale version, then from the current one.
            HttpResponse<String> read = get("/api/v1/incidents/" + incidentId + "?consistency=STRONG");
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.headers().firstValue("ETag")).contains("\"2\"");
            assertThat(json.readTree(read.body()).get("testimonies")).hasSize(2);
            String correction = "{\"facts\":" + CORRECTED + ",\"reason\":\"Second interview: expelled from Croatia.\"}";
            assertThat(post("/api/v1/incidents/" + incidentId + "/corrections", correction, "If-Match", "\"1\"")
                    .statusCode()).isEqualTo(412);
            HttpResponse<String> corrected = post("/api/v1/incidents/" + incidentId + "/corrections", correction,
                    "If-Match", "\"2\"");
            assertThat(corrected.statusCode()).isEqualTo(200);
            assertThat(corrected.headers().firstValue("ETag")).contains("\"3\"");

            // Two lawyers correcting from the same version at once: exactly one lands, the other is told.
            String recount = "{\"facts\":" + CORRECTED.replace("\"groupSize\":9", "\"groupSize\":%d")
                    + ",\"reason\":\"Recount.\"}";
            List<HttpResponse<String>> racing = concurrently(4, new ArrayList<>(List.of(
                    () -> post("/api/v1/incidents/" + incidentId + "/corrections", recount.formatted(10), "If-Match", "3"),
                    () -> post("/api/v1/incidents/" + incidentId + "/corrections", recount.formatted(11), "If-Match", "3"),
                    () -> post("/api/v1/incidents/" + incidentId + "/corrections", recount.formatted(12), "If-Match", "3"),
                    () -> post("/api/v1/incidents/" + incidentId + "/corrections", recount.formatted(13), "If-Match", "3"))));
            assertThat(racing.stream().filter(r -> r.statusCode() == 200)).hasSize(1);
            assertThat(racing.stream().filter(r -> r.statusCode() == 412 || r.statusCode() == 409)).hasSize(3);

            JsonNode incident = json.readTree(get("/api/v1/incidents/" + incidentId + "?consistency=STRONG").body());
            assertThat(incident.get("version").asLong()).isEqualTo(4);
            assertThat(incident.at("/facts/borderLegs/0/from").asText()).isEqualTo("HR");
            assertThat(ids(get("/api/v1/incidents?borderLeg=HR-RS").body())).contains(incidentId);
            assertThat(ids(get("/api/v1/incidents?borderLeg=HU-RS").body())).doesNotContain(incidentId);
            // The kept answers went with the change: the figures count the corrected leg, the totals moved.
            assertThat(legsCounting(incidentId)).containsExactly("HR-RS");
            assertThat(total("/api/v1/incidents?borderLeg=HU-RS&consistency=STRONG")).isEqualTo(onHuRs - 1);
            assertThat(total("/api/v1/incidents?borderLeg=HR-RS&consistency=STRONG")).isEqualTo(onHrRs + 1);

            // The case history tells it in order, with authors and the correction's reason.
            JsonNode history = json.readTree(get("/api/v1/incidents/" + incidentId + "/history").body());
            List<String> kinds = StreamSupport.stream(history.get("entries").spliterator(), false)
                    .map(e -> e.get("eventType").asText()).toList();
            assertThat(kinds).containsExactly("IncidentReported", "TestimonyAttached", "TestimonyAttached",
                    "IncidentFactsCorrected", "IncidentFactsCorrected");
            assertThat(history.at("/entries/3/summary").asText()).contains("Second interview: expelled from Croatia.");
            assertThat(history.at("/entries/3/author").asText()).isEqualTo("lawyer-3");

            // A duplicate reported separately is merged into the first; the duplicate can no longer change.
            String duplicateId = json.readTree(post("/api/v1/incidents", CORRECTED).body()).get("incidentId").asText();
            assertThat(post("/api/v1/incidents/" + duplicateId + "/merge",
                    "{\"survivorId\":\"" + incidentId + "\",\"reason\":\"Same group, same night.\"}").statusCode())
                    .isEqualTo(204);
            JsonNode duplicate = json.readTree(get("/api/v1/incidents/" + duplicateId + "?consistency=STRONG").body());
            assertThat(duplicate.get("status").asText()).isEqualTo("MERGED");
            assertThat(duplicate.get("mergedInto").asText()).isEqualTo(incidentId);
            assertThat(post("/api/v1/incidents/" + duplicateId + "/corrections", correction, "If-Match", "1")
                    .statusCode()).isEqualTo(409);

            // The auditor's stream: every event in position order, with who caused it. The first submission's
            // three events sit at 1, 2, 3: the sequence hands out positions one by one, never in blocks. Later
            // positions have holes where the racing retries' rolled-back inserts consumed sequence values.
            JsonNode stream = json.readTree(get("/api/v1/events?after=0&limit=1000").body());
            assertThat(List.of(stream.at("/events/0/position").asLong(), stream.at("/events/1/position").asLong(),
                    stream.at("/events/2/position").asLong())).containsExactly(1L, 2L, 3L);
            // Their identifiers are made in time order (core.TimeOrderedIdentifierFactory), so they sort as stored.
            assertThat(List.of(stream.at("/events/0/eventId").asText(), stream.at("/events/1/eventId").asText(),
                    stream.at("/events/2/eventId").asText())).isSorted()
                    .allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
            long position = 0;
            for (JsonNode event : stream.get("events")) {
                assertThat(event.get("position").asLong()).isGreaterThan(position);
                position = event.get("position").asLong();
                assertThat(event.at("/metaData/principal").asText()).isNotEmpty();
                assertThat(event.at("/metaData/role").asText()).isIn("REPORTER", "LAWYER");
                assertThat(event.at("/metaData/correlationId").asText()).isNotEmpty();
                assertThat(event.get("payloadRevision").asText()).isEqualTo(
                        event.get("payloadType").asText().endsWith("TestimonyRecordedEvent") ? "2" : "1");
            }
            long testimonies = StreamSupport.stream(stream.get("events").spliterator(), false)
                    .filter(e -> e.get("payloadType").asText().endsWith("TestimonyRecordedEvent")).count();
            assertThat(testimonies).as("visit-1, visit-2 (raced 8 times) and the second witness").isEqualTo(3);
            JsonNode page = json.readTree(get("/api/v1/events?after=1&limit=2").body());
            assertThat(page.at("/events/0/position").asLong()).isEqualTo(2);
            assertThat(page.get("next").asLong()).isEqualTo(3);
            assertThat(page.get("hasMore").asBoolean()).isTrue();

            before = snapshot(incidentId, duplicateId);
        }

        try (ConfigurableApplicationContext app = start(dataDir)) {
            String duplicateId = json.readTree(before.get(0)).get("mergedDuplicates").get(0).asText();
            assertThat(snapshot(incidentId, duplicateId)).isEqualTo(before);
        }

        // What people told must not leak into what the registry shows lawyers' views or logs.
        assertThat(before.subList(0, 3)).allSatisfy(body -> assertThat(body).doesNotContain(MARKER));
        assertThat(output.getAll()).doesNotContain(MARKER);
        assertStoredIn(dataDir);
    }

    /** Whether the registry flushes answered writes to disk itself (H2) rather than the database on commit. */
    protected boolean flushesItself() {
        return true;
    }

    /** The flushes the registry made so far ({@code registry.durability.flush}; none where it makes none). */
    private static long flushes(MeterRegistry meters) {
        Timer timer = meters.find("registry.durability.flush").timer();
        return timer == null ? 0 : timer.count();
    }

    /** Where the registry keeps its data: here the H2 database files in the data directory. */
    protected List<String> storage(Path dataDir) {
        return List.of("--registry.data-dir=" + dataDir);
    }

    protected void assertStoredIn(Path dataDir) {
        assertThat(Files.exists(dataDir.resolve("registry.mv.db"))).isTrue();
    }

    @Test
    void theContractIsDocumentedAndTheServiceObservable(@TempDir Path dataDir) throws Exception {
        try (ConfigurableApplicationContext app = start(dataDir)) {
            JsonNode docs = json.readTree(get("/v3/api-docs").body());
            assertThat(docs.get("openapi").asText()).startsWith("3.");
            List<String> undescribed = new ArrayList<>();
            docs.at("/components/schemas").fields().forEachRemaining(schema -> {
                if (schema.getKey().equals("JsonNode")) {
                    return; // free-form JSON: the stored payload and metadata, described where they are used
                }
                if (!schema.getValue().has("description")) {
                    undescribed.add(schema.getKey());
                }
                schema.getValue().path("properties").fields().forEachRemaining(property -> {
                    JsonNode value = property.getValue();
                    String ref = value.path("$ref").asText("");
                    boolean described = value.has("description") || !ref.isEmpty()
                            && docs.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1)).has("description");
                    if (!described) {
                        undescribed.add(schema.getKey() + "." + property.getKey());
                    }
                });
            });
            docs.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                if (!operation.getValue().has("summary")) {
                    undescribed.add(operation.getKey() + " " + path.getKey());
                }
                operation.getValue().path("parameters").forEach(parameter -> {
                    if (!parameter.has("description")) {
                        undescribed.add(path.getKey() + " " + parameter.get("name").asText());
                    }
                });
            }));
            assertThat(undescribed).isEmpty();
            assertThat(docs.at("/paths/~1api~1v1~1testimonies/post/responses").has("201")).isTrue();
            assertThat(docs.at("/paths/~1api~1v1~1testimonies/post/responses").has("200")).isFalse();
            assertThat(docs.at("/paths/~1api~1v1~1incidents/post/responses").has("201")).isTrue();
            assertThat(docs.at("/paths/~1api~1v1~1incidents~1{incidentId}~1merge/post/responses").has("204")).isTrue();
            // The views send their answers already written as JSON; documented as the figures they are.
            assertThat(docs.at("/paths/~1api~1v1~1views~1borders/get/responses/200/content/application~1json/schema/$ref")
                    .asText()).isEqualTo("#/components/schemas/BorderFigures");
            assertThat(docs.at("/paths/~1api~1v1~1views~1search/get/responses/200/content/application~1json/schema/$ref")
                    .asText()).isEqualTo("#/components/schemas/IncidentSearchPage");
            assertThat(docs.at("/components/schemas").has("JsonAnswer")).isFalse();
            docs.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                    assertThat(operation.getValue().at("/responses/4XX/content").has("application/problem+json"))
                            .as(operation.getKey() + " " + path.getKey()).isTrue()));
            assertThat(docs.at("/paths/~1api~1v1~1testimonies/post/parameters").toString())
                    .contains("Idempotency-Key").doesNotContain("\"caller\"", "X-Registry-Principal");
            assertThat(docs.at("/components/securitySchemes/apiToken/scheme").asText()).isEqualTo("bearer");
            assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);

            assertThat(post("/api/v1/testimonies", testimony(PUSHBACK)).statusCode()).isEqualTo(201);
            assertThat(get("/api/v1/incidents?consistency=STRONG").statusCode()).isEqualTo(200);
            assertThat(json.readTree(get("/actuator/health").body()).get("status").asText()).isEqualTo("UP");
            assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
            assertThat(get("/actuator/metrics").body()).contains("eventProcessor.processedCounter");
            String prometheus = get("/actuator/prometheus").body();
            assertThat(prometheus).contains("eventProcessor_processedCounter_total{payloadType=\"IncidentReportedEvent\",processorName=\"incident-summary\"}")
                    .contains("eventProcessor_capacity{payloadType=\"IncidentReportedEvent\",processorName=\"incident-summary\"}")
                    .contains("eventProcessor_latency{processorName=\"incident-summary\"}")
                    .contains("commandBus_successCounter_total{payloadType=\"SubmitTestimonyCommand\"}")
                    .contains("commandBus_capacity{payloadType=\"SubmitTestimonyCommand\"}")
                    .contains("queryBus_successCounter_total{payloadType=\"ListIncidentsQuery\"}")
                    .doesNotContain(MARKER);
            if (flushesItself()) {
                assertThat(prometheus).contains("registry_durability_flush_seconds_count");
            } else {
                assertThat(prometheus).doesNotContain("registry_durability_flush");
            }
            // The processors' and buses' meters are the registry's own (made once per payload type).
            org.axonframework.config.Configuration axon = app.getBean(org.axonframework.config.Configuration.class);
            assertThat(axon.messageMonitor(PooledStreamingEventProcessor.class, "incident-summary"))
                    .isInstanceOf(MessageMeters.class);
            assertThat(axon.messageMonitor(SimpleCommandBus.class, "commandBus")).isInstanceOf(MessageMeters.class);
            assertThat(axon.messageMonitor(SimpleQueryBus.class, "queryBus")).isInstanceOf(MessageMeters.class);
            assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
            assertThat(get("/actuator/beans").statusCode()).isEqualTo(404);
        }
    }

    private List<String> snapshot(String incidentId, String duplicateId) throws Exception {
        return List.of(
                get("/api/v1/incidents/" + incidentId + "?consistency=STRONG").body(),
                get("/api/v1/incidents/" + incidentId + "/history?consistency=STRONG").body(),
                get("/api/v1/incidents?size=200&consistency=STRONG").body(),
                get("/api/v1/incidents/" + duplicateId).body(),
                get("/api/v1/events?after=0&limit=1000").body());
    }

    private ConfigurableApplicationContext start(Path dataDir) {
        RegistryApplication.disableAxonUpdateChecker();
        List<String> arguments = new ArrayList<>(storage(dataDir));
        arguments.addAll(List.of("--server.port=0", "--spring.jpa.hibernate.ddl-auto=validate"));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RegistryApplication.class)
                .run(arguments.toArray(String[]::new));
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        tokens = TestTokens.issue(app);
        return app;
    }

    /** Each request as the user who would make it: monitors submit, auditors read the stream, lawyers the rest. */
    private String tokenFor(String path) {
        Role role = path.startsWith("/api/v1/testimonies") ? Role.REPORTER
                : path.startsWith("/api/v1/events") || path.startsWith("/actuator") ? Role.AUDITOR
                : Role.LAWYER;
        return "Bearer " + tokens.get(role);
    }

    private String testimony(String incident) {
        return """
                {"circumstances":%s,"incident":%s,
                 "witness":{"pseudonym":"%s","age":15,"narrative":"ما را زدند %s","contact":"+381 %s"}}"""
                .formatted(CIRCUMSTANCES, incident, MARKER, MARKER, MARKER);
    }

    private long total(String list) throws IOException, InterruptedException {
        HttpResponse<String> page = get(list);
        assertThat(page.statusCode()).isEqualTo(200);
        return json.readTree(page.body()).get("totalItems").asLong();
    }

    private List<String> ids(String page) throws IOException {
        return StreamSupport.stream(json.readTree(page).get("items").spliterator(), false)
                .map(item -> item.get("incidentId").asText()).toList();
    }

    /** The border legs whose figures count the incident, read after the views caught up with every write. */
    private List<String> legsCounting(String incidentId) throws IOException, InterruptedException {
        JsonNode figures = json.readTree(get("/api/v1/views/borders?listIncidents=true&consistency=STRONG").body());
        List<String> legs = new ArrayList<>();
        for (JsonNode leg : figures.get("legs")) {
            if (StreamSupport.stream(leg.at("/figures/incidentIds").spliterator(), false)
                    .anyMatch(id -> id.asText().equals(incidentId))) {
                legs.add(leg.at("/leg/from").asText() + "-" + leg.at("/leg/to").asText());
            }
        }
        return legs;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", tokenFor(path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Authorization", tokenFor(path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <T> List<T> concurrently(int times, Callable<T> call) throws Exception {
        List<Callable<T>> calls = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            calls.add(call);
        }
        return concurrently(times, calls);
    }

    private static <T> List<T> concurrently(int threads, List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
