package eu.borderviolence.registry.api.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default survives a crash: a registry on H2 killed with SIGKILL while testimonies arrive keeps every
 * testimony it acknowledged, and an administrator's revocation acknowledged just before. H2 holds commits in memory
 * for up to half a second (its WRITE_DELAY); a registry that answered 201 for them and then crashed lost them. The
 * registry answers a write only after flushing it ({@code Durability}), and this test kills it right after
 * acknowledgements, under load, to prove it.
 */
class CrashIT {

    private static final String MASTER_KEY = "dGVzdC1tYXN0ZXIta2V5LW5vdC1mb3ItcmVhbC1kYXQ=";
    private static final int CLIENTS = 8;
    private static final int KILL_AFTER = 300;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void acknowledgedWritesSurviveAKillOfTheEmbeddedRegistry(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path work)
            throws Exception {
        Path adminToken = work.resolve("admin.token");
        List<String> arguments = List.of("--registry.crypto.master-key=" + MASTER_KEY);
        List<String> first = new ArrayList<>(arguments);
        first.addAll(List.of("--registry.bootstrap.admin-username=admin",
                "--registry.bootstrap.admin-token-file=" + adminToken));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String reporter;
        String auditor;
        String revoked;
        try (RegistryNode node = RegistryNode.start("crash", work, first).awaitUp(Duration.ofMinutes(3))) {
            String admin = Files.readString(adminToken).trim();
            reporter = node.account(admin, "monitor-a", "ngo-a", "REPORTER");
            auditor = node.account(admin, "auditor-1", "audit-office", "AUDITOR");
            revoked = node.token(admin, "auditor-1");
            load(node, reporter, acknowledged);
            assertThat(node.isAlive()).isFalse();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILL_AFTER);

        try (RegistryNode restarted = RegistryNode.start("crash", work, arguments).awaitUp(Duration.ofMinutes(3))) {
            Set<String> stored = storedTestimonies(restarted, auditor);
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertThat(lost).as("acknowledged before the kill, missing after the restart").isEmpty();
            // What was stored but never acknowledged (the answer lost with the process) is whole, never half.
            JsonNode chain = awaitChainVerified(restarted, auditor, work);
            assertThat(chain.get("intact").asBoolean()).as(chain.toString()).isTrue();

            // An administrator's write on a quiet registry, acknowledged just before the kill: no testimony's flush
            // takes it to disk along with its own. A token revoked for a lost laptop must stay revoked.
            String tokenId = revoked.split("_")[1];
            HttpResponse<String> revocation = restarted.send("POST", "/api/v1/admin/tokens/" + tokenId
                    + "/revocation", Files.readString(adminToken).trim(), null);
            assertThat(revocation.statusCode()).as(revocation.body()).isEqualTo(204);
            restarted.kill();
        }
        try (RegistryNode again = RegistryNode.start("crash", work, arguments).awaitUp(Duration.ofMinutes(3))) {
            assertThat(again.send("GET", "/api/v1/audit/verify", revoked, null).statusCode())
                    .as("the token revoked just before the kill").isEqualTo(401);
        }
    }

    /** Clients submit until the node dies; the node is killed right after the KILL_AFTER-th acknowledgement. */
    private void load(RegistryNode node, String token, Set<String> acknowledged) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    while (!node.killed()) {
                        int n = next.getAndIncrement();
                        HttpResponse<String> response;
                        try {
                            response = node.send("POST", "/api/v1/testimonies", token, report(n),
                                    "Idempotency-Key", "visit-" + n);
                        } catch (IOException unanswered) {
                            assertThat(node.killed()).as("unanswered before the kill: %s", unanswered).isTrue();
                            return null;
                        }
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                        acknowledged.add(json.readTree(response.body()).get("testimonyId").asText());
                        if (acknowledged.size() >= KILL_AFTER && !node.killed()) {
                            node.kill();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(5, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private Set<String> storedTestimonies(RegistryNode node, String auditor) throws Exception {
        Set<String> testimonies = new HashSet<>();
        long after = 0;
        while (true) {
            HttpResponse<String> page = node.send("GET", "/api/v1/events?limit=1000&after=" + after, auditor, null);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode body = json.readTree(page.body());
            for (JsonNode event : body.get("events")) {
                if (event.get("payloadType").asText().endsWith("TestimonyRecordedEvent")) {
                    testimonies.add(event.get("aggregateId").asText());
                }
            }
            if (!body.get("hasMore").asBoolean()) {
                return testimonies;
            }
            after = body.get("next").asLong();
        }
    }

    /** A failure leaves the node's data in {@code work} (kept when the test fails) to open again and examine. */
    private JsonNode awaitChainVerified(RegistryNode node, String auditor, Path work) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        HttpResponse<String> chain = null;
        while (System.nanoTime() < deadline) {
            // 503 while the chain processor is still linking the events stored before the kill.
            chain = node.send("GET", "/api/v1/audit/verify", auditor, null);
            if (chain.statusCode() == 200 && json.readTree(chain.body()).get("pendingEvents").asLong() == 0) {
                return json.readTree(chain.body());
            }
            Thread.sleep(500);
        }
        node.dumpThreads();
        throw new AssertionError("the chain was not verified: " + (chain == null ? "no answer" : chain.body())
                + "; a thread dump of the node is at the end of " + node.log() + ", its data stays in " + work);
    }

    private static String report(int n) {
        return """
                {"circumstances":{"recordedOn":"2023-07-16","recordedIn":"BA","recordedAt":"Velika Kladuša",
                  "language":"ps","interpreterUsed":true,
                  "consent":{"store":true,"shareWithLawyers":true,"publishAnonymised":false}},
                 "incident":{"kind":"PUSHBACK","date":{"precision":"DAY_UNKNOWN","month":"2023-%02d"},
                  "borderLegs":[{"from":"HR","to":"BA"}],"people":{"groupSize":7},
                  "authorities":[{"authority":{"country":"HR","agency":"BORDER_POLICE"},"roles":["EXPELLED"]}],
                  "violations":["BEATING"],"confidence":"LIKELY"},
                 "witness":{"pseudonym":"W-%d"}}""".formatted(1 + n % 12, n);
    }

}
