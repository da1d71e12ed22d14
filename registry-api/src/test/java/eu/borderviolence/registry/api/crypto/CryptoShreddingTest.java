package eu.borderviolence.registry.api.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.RegistryApplication;
import eu.borderviolence.registry.api.security.Role;
import eu.borderviolence.registry.api.security.TestTokens;
import eu.borderviolence.registry.core.api.SealedPersonalData;
import eu.borderviolence.registry.core.testimony.WitnessVault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crypto-shredding proven at the byte level on the real application and its H2 files: a marker planted in every
 * personal field of a testimony is readable through the API by those allowed, and never present in plaintext in any
 * database file; after the witness's data is erased, nothing decrypts it any more, through any API, while the
 * incident and its figures stay.
 */
@ExtendWith(OutputCaptureExtension.class)
class CryptoShreddingTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private String base;
    private Map<Role, String> tokens;

    @Test
    void erasingAWitnessMakesTheirDataUnreadableEverywhereWhileTheIncidentStays(@TempDir Path dataDir,
                                                                                CapturedOutput output)
            throws Exception {
        String marker = "WITNESS-" + UUID.randomUUID();
        String testimonyId;
        String incidentId;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            HttpResponse<String> submitted = send("POST", "/api/v1/testimonies", """
                    {"circumstances":{"recordedOn":"2023-07-16","recordedIn":"RS","recordedAt":"Subotica",
                      "language":"ps","interpreterUsed":true,
                      "consent":{"store":true,"shareWithLawyers":true,"publishAnonymised":false}},
                     "incident":{"kind":"PUSHBACK","date":{"precision":"EXACT_DAY","date":"2023-07-14"},
                      "borderLegs":[{"from":"HU","to":"RS"}],"people":{"groupSize":7}},
                     "witness":{"pseudonym":"%1$s","age":16,"contact":"+381 %1$s","narrative":"روایت %1$s",
                      "narrativeTranslation":"They beat us %1$s"}}""".formatted(marker), Role.REPORTER);
            assertThat(submitted.statusCode()).isEqualTo(201);
            JsonNode receipt = json.readTree(submitted.body());
            testimonyId = receipt.get("testimonyId").asText();
            incidentId = receipt.get("incidentId").asText();
            assertThat(send("GET", "/api/v1/testimonies/" + testimonyId, null, Role.REPORTER).body())
                    .contains(marker);
            assertThat(send("GET", "/api/v1/events?limit=1000", null, Role.AUDITOR).body()).doesNotContain(marker);
        }
        assertThat(filesContaining(dataDir, marker)).as("database files holding the marker in plaintext").isEmpty();

        try (ConfigurableApplicationContext app = start(dataDir)) {
            HttpResponse<String> erased = send("POST", "/api/v1/testimonies/" + testimonyId + "/erasure",
                    "{\"reason\":\"Consent withdrawn by phone on 2023-09-02.\"}", Role.REPORTER);
            assertThat(erased.statusCode()).isEqualTo(204);
            assertThat(send("POST", "/api/v1/testimonies/" + testimonyId + "/erasure",
                    "{\"reason\":\"Again.\"}", Role.REPORTER).statusCode()).isEqualTo(409);

            JsonNode testimony = json.readTree(send("GET", "/api/v1/testimonies/" + testimonyId, null,
                    Role.REPORTER).body());
            assertThat(testimony.get("witnessErased").asBoolean()).isTrue();
            assertThat(testimony.has("witness")).isFalse();
            assertThat(testimony.toString()).doesNotContain(marker);

            // Nothing decrypts the sealed data as stored, and its key is gone.
            JsonNode stream = json.readTree(send("GET", "/api/v1/events?limit=1000", null, Role.AUDITOR).body());
            JsonNode recorded = null;
            for (JsonNode event : stream.get("events")) {
                if (event.get("payloadType").asText().endsWith("TestimonyRecordedEvent")) {
                    recorded = event.at("/payload/witness");
                }
            }
            assertThat(recorded).isNotNull();
            SealedPersonalData sealed = json.treeToValue(recorded, SealedPersonalData.class);
            assertThat(app.getBean(WitnessVault.class).open(sealed)).isEmpty();
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("select count(*) from witness_key "
                    + "where key_id = ? and wrapped_key is null", Integer.class, testimonyId)).isEqualTo(1);
            assertThat(stream.toString()).doesNotContain(marker).contains("WitnessDataErasedEvent");

            // The incident and its figures stay.
            JsonNode incident = json.readTree(send("GET", "/api/v1/incidents/" + incidentId
                    + "?consistency=STRONG", null, Role.LAWYER).body());
            assertThat(incident.get("testimonies").toString()).contains(testimonyId);
            assertThat(send("GET", "/api/v1/views/borders?borderLeg=HU-RS", null, Role.LAWYER).body())
                    .contains("\"people\":7");
        }
        assertThat(filesContaining(dataDir, marker)).isEmpty();
        assertThat(output.getAll()).doesNotContain(marker);
    }

    private ConfigurableApplicationContext start(Path dataDir) {
        RegistryApplication.disableAxonUpdateChecker();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RegistryApplication.class).run(
                "--server.port=0", "--registry.data-dir=" + dataDir);
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        tokens = TestTokens.issue(app);
        return app;
    }

    private HttpResponse<String> send(String method, String path, String body, Role role) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + tokens.get(role))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every file under the data directory whose bytes contain the marker, in UTF-8 or UTF-16. */
    private static List<Path> filesContaining(Path dataDir, String marker) throws IOException {
        List<byte[]> needles = List.of(marker.getBytes(StandardCharsets.UTF_8),
                marker.getBytes(StandardCharsets.UTF_16BE), marker.getBytes(StandardCharsets.UTF_16LE));
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                if (needles.stream().anyMatch(needle -> indexOf(content, needle) >= 0)) {
                    found.add(file);
                }
            }
        }
        assertThat(dataDir.resolve("registry.mv.db")).exists();
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
