package eu.borderviolence.registry.api.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.api.storage.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three registry nodes, each its own JVM started from the application jar, on one fresh PostgreSQL database.
 * Clients submit {@value #TESTIMONIES} testimonies round-robin and concurrently, retry some of them with the same
 * Idempotency-Key (one after the other, and racing on two nodes), and lawyers correct the same incidents from the
 * same version on different nodes at once. Midway one node is killed with SIGKILL; its clients move on to the next
 * node and retry what went unanswered. Afterwards every acknowledged testimony is stored exactly once and counted
 * once in every view, the two survivors own every segment, every correction either landed or was refused, and the
 * integrity chain verifies.
 *
 * <p>Needs PostgreSQL (see {@link TestPostgres}); skipped without it, except in CI.
 */
class MultiNodeIT {

    static final int TESTIMONIES = 5_000;
    private static final int CLIENTS = 12;
    private static final int CORRECTED_INCIDENTS = 60;
    private static final String MASTER_KEY = "dGVzdC1tYXN0ZXIta2V5LW5vdC1mb3ItcmVhbC1kYXQ=";
    private static final String[][] LEGS = {{"HU", "RS"}, {"HR", "BA"}, {"HR", "RS"}, {"GR", "TR"}, {"BG", "TR"},
            {"PL", "BY"}, {"LT", "BY"}, {"SI", "HR"}, {"RO", "RS"}, {"AT", "HU"}};
    private static final String CIRCUMSTANCES = """
            {"recordedOn":"2023-07-16","recordedIn":"RS","recordedAt":"Subotica","language":"fa-AF",
             "interpreterUsed":true,"consent":{"store":true,"shareWithLawyers":true,"publishAnonymised":false}}""";

    private final ObjectMapper json = new ObjectMapper();

    private List<RegistryNode> nodes;
    private final Map<String, String> tokens = new HashMap<>();

    /** Acknowledged submissions: testimony number to the receipt's JSON. */
    private final Map<Integer, JsonNode> acknowledged = new ConcurrentHashMap<>();
    /** Incidents that received no further testimony, safe to correct from a known version. */
    private final LinkedBlockingQueue<String> correctable = new LinkedBlockingQueue<>();
    /** Incidents further testimonies attach to. */
    private final List<String> attachable = new CopyOnWriteArrayList<>();
    private final List<Correction> corrections = new CopyOnWriteArrayList<>();
    private final AtomicInteger unansweredRequests = new AtomicInteger();
    private final AtomicInteger retriedAfterRefusal = new AtomicInteger();

    /** One correction sent: its unique reason, the round, and the status it got (0: no answer, its node died). */
    private record Correction(String incidentId, int round, String reason, int status) {
    }

    @Test
    void threeNodesOneDatabaseOneKilledMidwayNothingLostNothingCountedTwice(@TempDir Path work) throws Exception {
        TestPostgres.Database database = TestPostgres.freshDatabase("multinode");
        try {
            List<String> shared = new ArrayList<>(database.applicationArguments());
            shared.add("--registry.crypto.master-key=" + MASTER_KEY);
            // Several segments per view, as operations.md tells a deployment of several nodes to configure, so that
            // the nodes share each view's work and a rebuild spans nodes.
            for (String view : List.of("incident-summary", "case-history", "incident-facts")) {
                shared.add("--axon.eventhandling.processors." + view + ".initial-segment-count=4");
            }
            Path adminToken = work.resolve("admin.token");
            List<String> first = new ArrayList<>(shared);
            first.addAll(List.of("--registry.bootstrap.admin-username=admin",
                    "--registry.bootstrap.admin-token-file=" + adminToken));
            // The first node creates the schema and the administrator; the others join the running registry.
            try (RegistryNode a = RegistryNode.start("node-a", work, first).awaitUp(Duration.ofMinutes(3))) {
                RegistryNode b = RegistryNode.start("node-b", work, shared);
                RegistryNode c = RegistryNode.start("node-c", work, shared);
                try (b; c) {
                    b.awaitUp(Duration.ofMinutes(3));
                    c.awaitUp(Duration.ofMinutes(3));
                    nodes = List.of(a, b, c);
                    accounts(a, Files.readString(adminToken).trim());
                    RegistryNode victim = load(database);
                    assertThat(victim.isAlive()).isFalse();
                    List<RegistryNode> survivors = nodes.stream().filter(node -> node != victim).toList();
                    awaitSurvivorsOwnEverySegment(database, survivors, victim);
                    awaitViewsCaughtUp(survivors.get(0));
                    verify(database, survivors.get(0), survivors.get(1));
                    rebuildAcrossNodes(database, survivors.get(0), survivors.get(1));
                }
            }
        } finally {
            database.drop();
        }
    }

    // ---- setting up -----------------------------------------------------------------------------------------

    private void accounts(RegistryNode node, String admin) throws Exception {
        tokens.put("org-a", node.account(admin, "monitor-a", "ngo-a", "REPORTER"));
        tokens.put("org-b", node.account(admin, "monitor-b", "ngo-b", "REPORTER"));
        tokens.put("lawyer", node.account(admin, "lawyer-1", "ngo-a", "LAWYER"));
        tokens.put("auditor", node.account(admin, "auditor-1", "audit-office", "AUDITOR"));
    }

    // ---- the load -------------------------------------------------------------------------------------------

    /** Runs the load, kills the node that processes the most segments midway, and returns it. */
    private RegistryNode load(TestPostgres.Database database) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            running.add(clients.submit(() -> {
                for (int n = next.getAndIncrement(); n < TESTIMONIES; n = next.getAndIncrement()) {
                    submit(n);
                }
                return null;
            }));
        }
        running.add(clients.submit(() -> {
            correct();
            return null;
        }));
        // Midway, one node dies without warning: no shutdown hook, its claims and connections left behind.
        while (acknowledged.size() < TESTIMONIES * 2 / 5) {
            Thread.sleep(20);
        }
        // The node that holds the most segments dies, so the survivors must take its work over.
        RegistryNode victim = busiest(database);
        List<RegistryNode> survivors = nodes.stream().filter(node -> node != victim).toList();
        long victimSegments = segmentsOwnedBy(database, victim);
        assertThat(victimSegments).as("the victim processes segments when it dies").isPositive();
        victim.kill();
        long killedAt = System.nanoTime();
        System.out.printf("MultiNodeIT: killed %s (pid %d), owner of %d segments, after %d acknowledged testimonies "
                + "in %.1f s%n", victim.name(), victim.pid(), victimSegments, acknowledged.size(),
                (killedAt - started) / 1e9);
        Future<?> takeover = clients.submit(() -> {
            awaitSurvivorsOwnEverySegment(database, survivors, victim);
            double seconds = (System.nanoTime() - killedAt) / 1e9;
            System.out.printf("MultiNodeIT: the survivors owned every segment %.1f s after the kill%n", seconds);
            // Claims expire after the claim timeout (10 s); free segments are looked for every 5 s.
            assertThat(seconds).isLessThan(25);
            return null;
        });
        for (Future<?> client : running) {
            client.get(20, TimeUnit.MINUTES);
        }
        takeover.get(1, TimeUnit.MINUTES);
        clients.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("MultiNodeIT: %d testimonies acknowledged in %.1f s (%.0f/s) by 3 then 2 nodes, "
                        + "%d requests unanswered by the killed node and retried, %d retried after a refusal%n",
                acknowledged.size(), seconds, acknowledged.size() / seconds, unansweredRequests.get(),
                retriedAfterRefusal.get());
        return victim;
    }

    private RegistryNode busiest(TestPostgres.Database database) throws SQLException {
        RegistryNode busiest = nodes.get(0);
        for (RegistryNode node : nodes) {
            if (segmentsOwnedBy(database, node) > segmentsOwnedBy(database, busiest)) {
                busiest = node;
            }
        }
        return busiest;
    }

    private static long segmentsOwnedBy(TestPostgres.Database database, RegistryNode node) throws SQLException {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            return count(sql, "select count(*) from token_entry where owner like '" + node.pid() + "@%'");
        }
    }

    /** Submits testimony n until a node acknowledges it, as a field client would: same key, next node. */
    private void submit(int n) throws Exception {
        String organisation = n % 2 == 0 ? "org-a" : "org-b";
        // The same key strings in both organisations: keys are per organisation, so these are different testimonies.
        String key = "visit-" + n / 2;
        boolean attach = n % 5 == 4 && !attachable.isEmpty();
        String body = attach ? attachment(attachable.get(n % attachable.size())) : report(n);
        JsonNode receipt;
        if (n % 10 == 7) {
            // The first attempt and a retry racing each other on two nodes: both get the one testimony stored.
            ExecutorService race = Executors.newFixedThreadPool(2);
            try {
                Future<JsonNode> one = race.submit(() -> submitUntilAcknowledged(n, organisation, key, body, 0));
                Future<JsonNode> two = race.submit(() -> submitUntilAcknowledged(n, organisation, key, body, 1));
                receipt = one.get();
                assertThat(two.get()).isEqualTo(receipt);
            } finally {
                race.shutdown();
            }
        } else {
            receipt = submitUntilAcknowledged(n, organisation, key, body, 0);
        }
        if (n % 10 == 3) {
            // A retry after the answer, on another node: the same receipt.
            assertThat(submitUntilAcknowledged(n, organisation, key, body, 1)).isEqualTo(receipt);
        }
        acknowledged.put(n, receipt);
        if (receipt.get("incidentCreated").asBoolean()) {
            if (n % 3 == 0) {
                attachable.add(receipt.get("incidentId").asText());
            } else {
                correctable.add(receipt.get("incidentId").asText());
            }
        }
    }

    private JsonNode submitUntilAcknowledged(int n, String organisation, String key, String body, int offset)
            throws Exception {
        for (int attempt = 0; ; attempt++) {
            RegistryNode node = nodes.get((n + offset + attempt) % nodes.size());
            try {
                HttpResponse<String> response = node.send("POST", "/api/v1/testimonies", tokens.get(organisation),
                        body, "Idempotency-Key", key);
                if (response.statusCode() == 201) {
                    return json.readTree(response.body());
                }
                // 409: a racing attempt with the same key still holds it; anything else must not happen at all.
                assertThat(response.statusCode()).as("testimony %d: %s", n, response.body()).isIn(409, 503);
                retriedAfterRefusal.incrementAndGet();
                Thread.sleep(50);
            } catch (IOException unanswered) {
                assertThat(node.killed()).as("only the killed node leaves requests unanswered, but %s did: %s",
                        node.name(), unanswered.toString()).isTrue();
                unansweredRequests.incrementAndGet();
            }
            assertThat(attempt).as("testimony %d keeps failing", n).isLessThan(50);
        }
    }

    /**
     * Lawyers on different nodes correcting the same incident from the same version at once, two rounds per
     * incident: at most one correction of a round may land, and the others must be refused, never lost.
     */
    private void correct() throws Exception {
        ExecutorService lawyers = Executors.newFixedThreadPool(3);
        try {
            for (int i = 0; i < CORRECTED_INCIDENTS; i++) {
                String incidentId = correctable.poll(5, TimeUnit.MINUTES);
                assertThat(incidentId).as("incidents to correct").isNotNull();
                long version = 1; // reported with its first testimony, nothing attached since
                for (int round = 1; round <= 2; round++) {
                    List<Future<Correction>> racing = new ArrayList<>();
                    for (int lawyer = 0; lawyer < 3; lawyer++) {
                        String reason = "Recount %s round %d by lawyer %d".formatted(incidentId, round, lawyer);
                        RegistryNode node = nodes.get((i + lawyer) % nodes.size());
                        int groupSize = 10 + round * 3 + lawyer;
                        long basedOn = version;
                        int r = round;
                        racing.add(lawyers.submit(() -> correction(node, incidentId, r, reason, groupSize, basedOn)));
                    }
                    List<Correction> outcomes = new ArrayList<>();
                    for (Future<Correction> outcome : racing) {
                        outcomes.add(outcome.get());
                    }
                    corrections.addAll(outcomes);
                    long landed = outcomes.stream().filter(c -> c.status() == 200).count();
                    if (outcomes.stream().allMatch(c -> c.status() != 0)) {
                        assertThat(landed).as("one of three racing corrections lands: %s", outcomes).isEqualTo(1);
                    }
                    if (landed == 0) {
                        break; // the version is unknown now; the checks against the event store still apply
                    }
                    version++;
                }
            }
        } finally {
            lawyers.shutdown();
        }
    }

    private Correction correction(RegistryNode node, String incidentId, int round, String reason, int groupSize,
                                  long basedOn) throws InterruptedException {
        String body = "{\"facts\":" + facts(incidentId.hashCode() & 0xff).replace("\"groupSize\":9",
                "\"groupSize\":" + groupSize) + ",\"reason\":\"" + reason + "\"}";
        try {
            HttpResponse<String> response = node.send("POST", "/api/v1/incidents/" + incidentId + "/corrections",
                    tokens.get("lawyer"), body, "If-Match", "\"" + basedOn + "\"");
            assertThat(response.statusCode()).as(response.body()).isIn(200, 409, 412);
            return new Correction(incidentId, round, reason, response.statusCode());
        } catch (IOException unanswered) {
            assertThat(node.killed()).as("%s left a correction unanswered: %s", node.name(), unanswered.toString())
                    .isTrue();
            return new Correction(incidentId, round, reason, 0);
        }
    }

    private static String report(int n) {
        return """
                {"circumstances":%s,"incident":%s,"witness":{"pseudonym":"W-%d","age":%d}}"""
                .formatted(CIRCUMSTANCES, facts(n), n, 16 + n % 40);
    }

    private static String attachment(String incidentId) {
        return """
                {"incidentId":"%s","circumstances":%s,"witness":{"pseudonym":"second witness"}}"""
                .formatted(incidentId, CIRCUMSTANCES);
    }

    /** A pushback on one of several borders, by the border police of the expelling state, some with Frontex. */
    private static String facts(int n) {
        String[] leg = LEGS[n % LEGS.length];
        String frontex = n % 4 == 0 ? ",\"frontex\":{\"role\":\"OBSERVING\",\"recognisedBy\":[\"ARMBAND\"]}" : "";
        return """
                {"kind":"PUSHBACK","date":{"precision":"DAY_UNKNOWN","month":"2023-%02d"},
                 "borderLegs":[{"from":"%s","to":"%s"}],"people":{"groupSize":9,"minors":3,"unaccompaniedMinors":1},
                 "nationalities":[{"nationality":"AF","count":6},{"nationality":"SY","count":3}],
                 "authorities":[{"authority":{"country":"%s","agency":"BORDER_POLICE"},"roles":["APPREHENDED","EXPELLED"]}]%s,
                 "violations":["BEATING"],"asylum":"ASKED_AND_REFUSED","confidence":"LIKELY"}"""
                .formatted(1 + n % 12, leg[0], leg[1], leg[0], frontex);
    }

    // ---- after the load -------------------------------------------------------------------------------------

    /** The dead node's claims expire after the claim timeout; the survivors' coordinators then take its segments. */
    private void awaitSurvivorsOwnEverySegment(TestPostgres.Database database, List<RegistryNode> survivors,
                                               RegistryNode dead) throws Exception {
        Set<String> owners = new HashSet<>();
        survivors.forEach(node -> owners.add(node.pid() + "@"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        List<String> unowned = List.of("not read yet");
        while (System.nanoTime() < deadline) {
            unowned = new ArrayList<>();
            try (Connection connection = database.connect(); Statement sql = connection.createStatement();
                 ResultSet segments = sql.executeQuery("select processor_name, segment, owner from token_entry")) {
                while (segments.next()) {
                    String owner = segments.getString(3);
                    if (owner == null || owners.stream().noneMatch(owner::startsWith)) {
                        unowned.add(segments.getString(1) + "/" + segments.getInt(2) + " owned by " + owner);
                    }
                }
            }
            if (unowned.isEmpty()) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(unowned).as("segments not owned by a survivor (the dead node was pid %d)", dead.pid()).isEmpty();
    }

    private void awaitViewsCaughtUp(RegistryNode node) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        JsonNode statuses = null;
        while (System.nanoTime() < deadline) {
            statuses = json.readTree(node.send("GET", "/api/v1/views/status", tokens.get("auditor"), null).body());
            boolean caughtUp = true;
            for (JsonNode status : statuses) {
                caughtUp &= status.get("state").asText().equals("LIVE") && status.get("behind").asLong() == 0;
            }
            if (caughtUp) {
                // The chain verification first waits for every processor (503 while one lags), then checks.
                HttpResponse<String> chain = node.send("GET", "/api/v1/audit/verify", tokens.get("auditor"), null);
                if (chain.statusCode() == 200 && json.readTree(chain.body()).get("pendingEvents").asLong() == 0) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("views did not catch up: " + statuses);
    }

    private void verify(TestPostgres.Database database, RegistryNode a, RegistryNode b) throws Exception {
        assertThat(acknowledged).hasSize(TESTIMONIES);
        Set<String> acknowledgedTestimonies = new HashSet<>();
        Set<String> reportedIncidents = new HashSet<>();
        acknowledged.values().forEach(receipt -> {
            acknowledgedTestimonies.add(receipt.get("testimonyId").asText());
            if (receipt.get("incidentCreated").asBoolean()) {
                reportedIncidents.add(receipt.get("incidentId").asText());
            }
        });
        assertThat(acknowledgedTestimonies).as("one testimony per submission, keys scoped per organisation")
                .hasSize(TESTIMONIES);

        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            // The event store: every acknowledged testimony exactly once, nothing else.
            List<String> storedTestimonies = strings(sql, "select aggregate_identifier from domain_event_entry "
                    + "where payload_type like '%.TestimonyRecordedEvent'");
            assertThat(storedTestimonies).hasSize(TESTIMONIES).doesNotHaveDuplicates();
            assertThat(new HashSet<>(storedTestimonies)).isEqualTo(acknowledgedTestimonies);
            List<String> storedIncidents = strings(sql, "select aggregate_identifier from domain_event_entry "
                    + "where payload_type like '%.IncidentReportedEvent'");
            assertThat(storedIncidents).doesNotHaveDuplicates();
            assertThat(new HashSet<>(storedIncidents)).isEqualTo(reportedIncidents);

            // Every view: each incident once, at the version the event store has; testimonies counted once. The
            // summary follows every incident event; the shared facts follow the events that change facts or status.
            Map<String, Long> versions = pairs(sql, "select aggregate_identifier, max(sequence_number) "
                    + "from domain_event_entry where payload_type not like '%.TestimonyRecordedEvent' "
                    + "and payload_type not like '%.WitnessDataErasedEvent' group by aggregate_identifier");
            Map<String, Long> factVersions = pairs(sql, "select aggregate_identifier, max(sequence_number) "
                    + "from domain_event_entry where payload_type like '%.IncidentReportedEvent' "
                    + "or payload_type like '%.IncidentFactsCorrectedEvent' group by aggregate_identifier");
            assertThat(versions.keySet()).isEqualTo(reportedIncidents);
            assertThat(differences(pairs(sql, "select incident_id, version from incident_summary"), versions))
                    .as("incident summary").isEmpty();
            assertThat(differences(pairs(sql, "select incident_id, version from fact_incident"), factVersions))
                    .as("incident facts").isEmpty();
            // every incident here has legs and authorities
            assertThat(count(sql, "select count(*) from fact_incident where cardinality(border_legs) > 0"))
                    .isEqualTo(versions.size());
            assertThat(count(sql, "select count(*) from fact_incident where cardinality(authorities) > 0"))
                    .isEqualTo(versions.size());
            List<String> attached = new ArrayList<>();
            for (String ids : strings(sql, "select testimony_ids_json from incident_summary")) {
                json.readTree(ids).forEach(id -> attached.add(id.asText()));
            }
            assertThat(attached).hasSize(TESTIMONIES).doesNotHaveDuplicates();
            long incidentEvents = count(sql, "select count(*) from domain_event_entry "
                    + "where payload_type not like '%.TestimonyRecordedEvent' "
                    + "and payload_type not like '%.WitnessDataErasedEvent'");
            assertThat(count(sql, "select count(*) from case_history_entry")).isEqualTo(incidentEvents);

            // Corrections: each answered 200 is stored once; each refused is not stored at all.
            Map<String, Integer> stored = new HashMap<>();
            try (ResultSet rows = sql.executeQuery("select payload from domain_event_entry "
                    + "where payload_type like '%.IncidentFactsCorrectedEvent'")) {
                while (rows.next()) {
                    String reason = json.readTree(new String(rows.getBytes(1), StandardCharsets.UTF_8)).get("reason")
                            .asText();
                    stored.merge(reason, 1, Integer::sum);
                }
            }
            assertThat(corrections).hasSizeGreaterThanOrEqualTo(CORRECTED_INCIDENTS * 3);
            for (Correction correction : corrections) {
                if (correction.status() == 200) {
                    assertThat(stored.get(correction.reason())).as(correction.toString()).isEqualTo(1);
                } else if (correction.status() != 0) {
                    assertThat(stored).as(correction.toString()).doesNotContainKey(correction.reason());
                }
            }
            Map<String, Long> landedPerRound = new HashMap<>();
            corrections.stream().filter(c -> stored.containsKey(c.reason()))
                    .forEach(c -> landedPerRound.merge(c.incidentId() + "/" + c.round(), 1L, Long::sum));
            assertThat(landedPerRound.values()).as("at most one racing correction lands").allMatch(n -> n == 1);
            assertThat(stored.keySet()).allMatch(reason -> corrections.stream().anyMatch(c -> c.reason().equals(reason)));

            // The chain links every event, once, and verifies.
            long events = count(sql, "select count(*) from domain_event_entry");
            assertThat(count(sql, "select count(*) from event_chain")).isEqualTo(events);
            JsonNode verification = json.readTree(b.send("GET", "/api/v1/audit/verify", tokens.get("auditor"), null)
                    .body());
            assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.get("checked").asLong()).isEqualTo(events);
        }

        // Both survivors serve the same complete answer.
        for (RegistryNode node : List.of(a, b)) {
            JsonNode page = json.readTree(node.send("GET", "/api/v1/incidents?size=1&consistency=STRONG",
                    tokens.get("lawyer"), null).body());
            assertThat(page.get("totalItems").asLong()).isEqualTo(reportedIncidents.size());
        }
    }

    /**
     * An auditor asks one node to rebuild a view; the other node holds segments of it too. The node asked refuses to
     * serve it from the request on, the other within {@code registry.api.view-position-reuse} (100 ms), answering
     * until then only what it had kept from before the request; the rebuild completes with both nodes processing
     * again, and the view comes back row for row as it was.
     */
    private void rebuildAcrossNodes(TestPostgres.Database database, RegistryNode a, RegistryNode b) throws Exception {
        String rows = "select incident_id || ' ' || version || ' ' || status || ' ' || facts_json "
                + "from fact_incident order by incident_id";
        List<String> before;
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            before = strings(sql, rows);
        }
        // Node a reads the view just before the request, so that it holds a position it could reuse.
        HttpResponse<String> kept = a.send("GET", "/api/v1/views/frontex", tokens.get("lawyer"), null);
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        HttpResponse<String> requested = b.send("POST", "/api/v1/views/rebuilds", tokens.get("auditor"),
                "{\"views\":[\"incident-facts\"]}");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
        assertThat(b.send("GET", "/api/v1/views/frontex", tokens.get("lawyer"), null).statusCode())
                .as("the node asked refuses to serve the view from the request on").isEqualTo(503);
        long asked = System.nanoTime();
        HttpResponse<String> read;
        while ((read = a.send("GET", "/api/v1/views/frontex", tokens.get("lawyer"), null)).statusCode() == 200) {
            assertThat(read.body()).as("until the other node refuses, only what it kept before").isEqualTo(kept.body());
            assertThat(System.nanoTime() - asked).as("the other node refuses within the reuse period, with slack")
                    .isLessThan(TimeUnit.SECONDS.toNanos(5));
        }
        assertThat(read.statusCode()).as("the other node refuses to serve the view").isEqualTo(503);
        long started = System.nanoTime();
        JsonNode status = null;
        while (System.nanoTime() - started < TimeUnit.MINUTES.toNanos(3)) {
            status = json.readTree(a.send("GET", "/api/v1/views/status/incident-facts", tokens.get("auditor"), null)
                    .body());
            if (status.get("state").asText().equals("LIVE") && status.at("/rebuild/finishedAt").isTextual()) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("LIVE");
        assertThat(status.at("/rebuild/requestedBy").asText()).isEqualTo("auditor-1");
        System.out.printf("MultiNodeIT: incident-facts rebuilt across two nodes in %.1f s%n",
                (System.nanoTime() - started) / 1e9);
        assertThat(a.send("GET", "/api/v1/views/frontex", tokens.get("lawyer"), null).statusCode()).isEqualTo(200);
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            assertThat(strings(sql, rows)).isEqualTo(before);
            assertThat(strings(sql, "select state from view_rebuild")).containsExactly("FINISHED");
        }
    }

    // ---- plumbing -------------------------------------------------------------------------------------------


    private static List<String> strings(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Map<String, Long> pairs(Statement sql, String query) throws SQLException {
        Map<String, Long> values = new HashMap<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                assertThat(values.put(rows.getString(1), rows.getLong(2))).as("counted twice").isNull();
            }
        }
        return values;
    }

    /** What differs between a view's (incident, version) pairs and the expected ones, at most ten, for the report. */
    private static List<String> differences(Map<String, Long> actual, Map<String, Long> expected) {
        List<String> different = new ArrayList<>();
        expected.forEach((incident, version) -> {
            if (!version.equals(actual.get(incident))) {
                different.add(incident + ": expected version " + version + ", view has " + actual.get(incident));
            }
        });
        actual.keySet().stream().filter(incident -> !expected.containsKey(incident))
                .forEach(incident -> different.add(incident + ": not an incident"));
        return different.stream().limit(10).toList();
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
