package eu.borderviolence.registry.api.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.borderviolence.registry.RegistryApplication;
import eu.borderviolence.registry.api.config.AxonConfig;
import eu.borderviolence.registry.api.demo.DemoDataSet;
import eu.borderviolence.registry.api.demo.DemoStep;
import eu.borderviolence.registry.api.security.Role;
import eu.borderviolence.registry.api.security.TestTokens;
import eu.borderviolence.registry.api.storage.EventStorageEngines;
import eu.borderviolence.registry.api.storage.IndexedGapsEventStorageEngine;
import eu.borderviolence.registry.api.storage.TestPostgres;
import eu.borderviolence.registry.api.views.ViewRebuilds;
import eu.borderviolence.registry.core.api.Actor;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.RegistryMetaData;
import eu.borderviolence.registry.core.api.SubmitTestimonyCommand;
import eu.borderviolence.registry.core.api.TestimonyId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The benchmarks of docs/benchmarks.md. Not tests: nothing here asserts a time, and the normal build never runs them
 * (the class name matches no test pattern). Each scenario is one command; every registry figure is reported beside
 * the database's own limit measured in the same run, and as a ratio to it.
 *
 * <pre>
 * mvn -B install -DskipTests
 * mvn -B -pl registry-api test -Dtest=RegistryBench#ingest [-Dbench.db=postgres] [-Dbench.testimonies=2000]
 * mvn -B -pl registry-api test -Dtest=RegistryBench#replay [-Dbench.db=postgres] [-Dbench.events=100000]
 *         [-Dbench.each=false] [-Dbench.rebuild=false]
 * mvn -B -pl registry-api test -Dtest=RegistryBench#query  [-Dbench.db=postgres] [-Dbench.events=100000]
 *         [-Dbench.requests=2000] [-Dbench.varied=200] [-Dbench.only=regex of endpoint names]
 * </pre>
 *
 * Add {@code -DargLine=-Xmx512m} to run a scenario in a 512 MB heap. Assertions are off, as in the service, though
 * Surefire turns them on for tests; {@code -Dbench.assertions=on} keeps them. Each scenario warms up until the JIT has
 * settled ({@link JitWarmUp}; {@code -Dbench.warm-up=<seconds>} caps it, 240 by default). Histories for replay and
 * query are generated once per database and size from the seeded demo data set (shaped like BRIEF: kinds, borders,
 * authorities, Frontex presence, further witnesses, corrections, corroborations, merges, retractions) and kept: under
 * {@code target/bench-data} for H2, as database {@code registry_bench_<events>} for PostgreSQL. On H2, histories of
 * more than {@value Storage#LOADED} events replicate the loaded one ({@link Replica}), on H2 and on PostgreSQL.
 * Results are printed and appended to {@code target/bench/results.md}.
 */
class RegistryBench {

    static {
        // The service runs without -ea; Surefire runs tests with it, and then the libraries check themselves as they
        // go: H2 walks its file's chunks whenever a store frees space (3% of an ingest's samples, 2026-12-06). Classes
        // initialised from here on, the registry's, Axon's, Hibernate's and H2's among them, run as in the service;
        // -Dbench.assertions=on keeps Surefire's, to compare.
        if (!"on".equals(System.getProperty("bench.assertions"))) {
            RegistryBench.class.getClassLoader().setDefaultAssertionStatus(false);
        }
    }

    private static final String DB = System.getProperty("bench.db", "h2");
    private static final long SEED = 2023;
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Path RESULTS = Path.of("target", "bench", "results.md");
    private static final List<String> PROCESSORS = List.of("incident-summary", "case-history", "incident-facts",
            "integrity-chain");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    // ---- ingest ---------------------------------------------------------------------------------------------

    @Test
    void ingest() throws Exception {
        int testimonies = Integer.getInteger("bench.testimonies", 2000);
        // 400 for the warm-up (sent again and again), then 1, 4 and 16 clients on each of the two paths
        List<SubmitTestimonyCommand> reports = newIncidentReports(400 + 6 * testimonies);
        int history = Integer.getInteger("bench.history", 0); // -Dbench.history=N: into a copy of that history
        Storage storage = history > 0 ? Storage.copyOfHistory(history) : Storage.fresh("ingest");
        try (ConfigurableApplicationContext app = storage.start()) {
            if (history > 0) {
                // A history copied before its views caught up with it: they do so first, not while testimonies come.
                ViewRebuilds rebuilds = app.getBean(ViewRebuilds.class);
                awaitLive(rebuilds, rebuilds.views());
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                while (linked(jdbc) < jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)) {
                    Thread.sleep(50);
                }
            }
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            String token = TestTokens.issue(app).get(Role.REPORTER);
            ObjectMapper apiJson = app.getBean(ObjectMapper.class);
            CommandGateway commands = app.getBean(CommandGateway.class);
            DataSource dataSource = app.getBean(DataSource.class);
            boolean views = !"off".equals(System.getProperty("bench.views"));
            if (!views) {
                // The write side alone: the views' processors stopped, as if they ran elsewhere.
                app.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                        .forEach(EventProcessor::shutDown);
            }
            AtomicInteger next = new AtomicInteger();
            // Warm up the JIT and the pools on both paths and at every number of clients measured, not counted: the
            // first 400 reports again and again (the server and the bus give each submission new ids), until the JIT
            // has settled. Fewer clients take other branches (a flush nobody shares, an idle pool), and code compiled
            // without them is compiled again when they come.
            AtomicReference<RowShape> warmUpShape = new AtomicReference<>();
            JitWarmUp warmUp = JitWarmUp.until(round -> {
                for (int clients : new int[]{1, 4, 16}) {
                    run(clients, 64, i -> http(base, token, apiJson, reports.get(i)));
                    run(clients, 64, i -> bus(commands, reports.get(200 + i)));
                    if (warmUpShape.get() == null) { // once the registry holds testimonies to take it from
                        warmUpShape.set(RowShape.of(new JdbcTemplate(dataSource)));
                    }
                    rawInserts(dataSource, warmUpShape.get(), clients, 16);
                }
            });
            next.set(400);
            RowShape shape = RowShape.of(new JdbcTemplate(dataSource));
            StringBuilder table = new StringBuilder("| clients | HTTP testimonies/s | command bus testimonies/s | raw "
                    + "insert+commit testimony-equivalents/s | HTTP / raw | bus / raw |\n|---|---|---|---|---|---|\n");
            StringBuilder split = new StringBuilder("| clients | HTTP: at the client | at the server | in the "
                    + "command | bus: in the command | JVM CPU per testimony, HTTP (request threads) | JVM CPU per "
                    + "testimony, bus | flushes per testimony, HTTP / bus | a flush, HTTP |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n");
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            for (int clients : new int[]{1, 4, 16}) {
                ServerTimes beforeHttp = ServerTimes.of(meters);
                double viaHttp = run(clients, testimonies, i -> http(base, token, apiJson,
                        reports.get(next.getAndIncrement())));
                ServerTimes afterHttp = ServerTimes.of(meters);
                double viaBus = run(clients, testimonies, i -> bus(commands, reports.get(next.getAndIncrement())));
                ServerTimes afterBus = ServerTimes.of(meters);
                double nanosToMillisPerTestimony = 1e6 * testimonies;
                double raw = rawInserts(dataSource, shape, clients, testimonies);
                table.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %.1f%% | %.1f%% |%n", clients,
                        viaHttp, viaBus, raw, 100 * viaHttp / raw, 100 * viaBus / raw));
                // Closed-loop clients: each waits for its answer, so the mean time per request is clients / rate.
                split.append(String.format(Locale.ROOT,
                        "| %d | %.1f | %s | %s | %s | %.1f (%.1f) | %.1f | %s / %s | %s |%n",
                        clients, 1000.0 * clients / viaHttp,
                        afterHttp.millisPer(beforeHttp, ServerTimes.SERVER),
                        afterHttp.millisPer(beforeHttp, ServerTimes.COMMAND),
                        afterBus.millisPer(afterHttp, ServerTimes.COMMAND),
                        (afterHttp.processCpuNanos() - beforeHttp.processCpuNanos()) / nanosToMillisPerTestimony,
                        (afterHttp.requestThreadsCpuNanos() - beforeHttp.requestThreadsCpuNanos())
                                / nanosToMillisPerTestimony,
                        (afterBus.processCpuNanos() - afterHttp.processCpuNanos()) / nanosToMillisPerTestimony,
                        afterHttp.countPer(beforeHttp, ServerTimes.FLUSH, testimonies),
                        afterBus.countPer(afterHttp, ServerTimes.FLUSH, testimonies),
                        afterHttp.millisPer(beforeHttp, ServerTimes.FLUSH)));
            }
            table.append(warmUp.report());
            table.append("\nWhere a testimony's time goes, mean milliseconds per request (the registry's own timers: "
                    + "Spring's `http.server.requests`, Axon's command bus timer), and the CPU milliseconds the whole "
                    + "JVM used per testimony while the clients ran (its views, the garbage collector and the JIT "
                    + "included; on H2 the database too), of which Tomcat's request threads; and on H2 the flushes to "
                    + "disk per testimony and the mean time of one "
                    + "(`registry.durability.flush`; a flush is shared by the writers waiting for it):\n\n")
                    .append(split);
            report("Ingest on " + DB + (views ? "" : ", views stopped")
                    + (history > 0 ? ", into a history of " + history + " events" : "") + ", " + testimonies
                    + " testimonies per run ("
                    + shape + ")", table.toString());
        } finally {
            storage.drop();
        }
    }

    /**
     * The registry's own timers of a submission, summed over their tags: the request at the server (from Tomcat's
     * view, the security filters included) and the command on the bus (the aggregate, the event store, the durable
     * flush); with the JVM's CPU time and that of Tomcat's request threads (summed over the threads alive when read:
     * Tomcat ends a spare thread after a minute idle, longer than any pause between the runs it serves).
     */
    private record ServerTimes(Map<String, double[]> sums, long processCpuNanos, long requestThreadsCpuNanos) {

        static final String SERVER = "server";
        static final String COMMAND = "command";
        static final String FLUSH = "flush";

        static ServerTimes of(MeterRegistry meters) {
            Map<String, double[]> sums = new HashMap<>();
            for (Meter meter : meters.getMeters()) {
                if (meter instanceof Timer timer) {
                    String part = part(timer.getId());
                    if (part != null) {
                        double[] sum = sums.computeIfAbsent(part, p -> new double[2]);
                        sum[0] += timer.count();
                        sum[1] += timer.totalTime(TimeUnit.MILLISECONDS);
                    }
                }
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long requestThreads = 0;
            for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (thread != null && thread.getThreadName().startsWith("http-nio-")) {
                    requestThreads += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
                }
            }
            return new ServerTimes(sums, Timing.cpuNanos(), requestThreads);
        }

        private static String part(Meter.Id id) {
            return switch (id.getName()) {
                case "http.server.requests" -> "/api/v1/testimonies".equals(id.getTag("uri"))
                        && "POST".equals(id.getTag("method")) ? SERVER : null;
                case "commandBus.allTimer" -> "SubmitTestimonyCommand".equals(id.getTag("payloadType"))
                        ? COMMAND : null;
                case "registry.durability.flush" -> FLUSH;
                default -> null;
            };
        }

        /** How many timings of {@code part} since {@code before} per one of {@code items}; a dash if none. */
        String countPer(ServerTimes before, String part, int items) {
            double count = sums.getOrDefault(part, new double[2])[0] - before.sums.getOrDefault(part, new double[2])[0];
            return count == 0 ? "–" : String.format(Locale.ROOT, "%.2f", count / items);
        }

        /** The mean milliseconds of a timing of {@code part} since {@code before}; a dash if none. */
        String millisPer(ServerTimes before, String part) {
            double[] now = sums.getOrDefault(part, new double[2]);
            double[] then = before.sums.getOrDefault(part, new double[2]);
            double count = now[0] - then[0];
            return count == 0 ? "–" : String.format(Locale.ROOT, "%.1f", (now[1] - then[1]) / count);
        }
    }

    /** New-incident reports from the demo data set, each with fresh ids so every one can be sent once. */
    private static List<SubmitTestimonyCommand> newIncidentReports(int atLeast) {
        List<SubmitTestimonyCommand> reports = new ArrayList<>();
        int testimonies = atLeast;
        while (reports.size() < atLeast) {
            reports.clear();
            for (DemoStep step : DemoDataSet.generate(SEED, testimonies)) {
                if (step.command() instanceof SubmitTestimonyCommand submit && !submit.existingIncident()) {
                    reports.add(submit);
                }
            }
            testimonies *= 2;
        }
        return reports;
    }

    private void http(String base, String token, ObjectMapper apiJson, SubmitTestimonyCommand report)
            throws IOException, InterruptedException {
        ObjectNode body = apiJson.createObjectNode();
        body.set("circumstances", apiJson.valueToTree(report.circumstances()));
        body.set("incident", apiJson.valueToTree(report.reportedFacts()));
        body.set("witness", apiJson.valueToTree(report.witness()));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/testimonies"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("submission refused: " + response.statusCode());
        }
    }

    private static void bus(CommandGateway commands, SubmitTestimonyCommand report) {
        SubmitTestimonyCommand fresh = new SubmitTestimonyCommand(TestimonyId.random(), IncidentId.random(), false,
                report.circumstances(), report.reportedFacts(), report.witness(), report.recordedBy());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(fresh)
                .andMetaData(RegistryMetaData.of(report.recordedBy(), "bench", null)));
    }

    /** The size of what one testimony stores: events per testimony, and their average payload and metadata. */
    private record RowShape(double eventsPerTestimony, int payloadBytes, int metaDataBytes) {

        static RowShape of(JdbcTemplate jdbc) {
            Map<String, Object> row = jdbc.queryForMap("select count(*) as events, "
                    + "sum(case when payload_type like '%.TestimonyRecordedEvent' then 1 else 0 end) as testimonies, "
                    + "avg(octet_length(payload)) as payload, avg(octet_length(meta_data)) as meta from domain_event_entry");
            return new RowShape(((Number) row.get("EVENTS")).doubleValue() / ((Number) row.get("TESTIMONIES")).doubleValue(),
                    ((Number) row.get("PAYLOAD")).intValue(), ((Number) row.get("META")).intValue());
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f events per testimony, %d bytes payload and %d bytes metadata on "
                    + "average", eventsPerTestimony, payloadBytes, metaDataBytes);
        }
    }

    /**
     * The database's limit for the same work: each "testimony" inserts as many rows of the same size as a testimony
     * stores events, into a table shaped like the event table, and commits durably (on H2 followed by the flush the
     * registry makes, {@code CHECKPOINT SYNC}); the same number of clients.
     */
    private static double rawInserts(DataSource dataSource, RowShape shape, int clients, int testimonies)
            throws Exception {
        String bytes = DB.equals("postgres") ? "bytea" : "blob";
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("drop table if exists bench_raw");
            sql.execute("create table bench_raw (id varchar(36) primary key, aggregate_id varchar(36) not null, "
                    + "sequence_number bigint not null, payload " + bytes + " not null, meta_data " + bytes + ")");
        }
        Random random = new Random(SEED);
        byte[] payload = new byte[shape.payloadBytes()];
        byte[] metaData = new byte[shape.metaDataBytes()];
        random.nextBytes(payload);
        random.nextBytes(metaData);
        int rowsPerTestimony = (int) Math.round(shape.eventsPerTestimony());
        double rate = run(clients, testimonies, i -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                String aggregate = java.util.UUID.randomUUID().toString();
                try (PreparedStatement insert = connection.prepareStatement("insert into bench_raw (id, aggregate_id, "
                        + "sequence_number, payload, meta_data) values (?, ?, ?, ?, ?)")) {
                    for (int row = 0; row < rowsPerTestimony; row++) {
                        insert.setString(1, java.util.UUID.randomUUID().toString());
                        insert.setString(2, aggregate);
                        insert.setLong(3, row);
                        insert.setBytes(4, payload);
                        insert.setBytes(5, metaData);
                        insert.executeUpdate();
                    }
                }
                connection.commit();
                if (!DB.equals("postgres")) {
                    // Durable as the registry's own commits are on H2 (Durability): written and flushed to disk.
                    try (Statement flush = connection.createStatement()) {
                        flush.execute("CHECKPOINT SYNC");
                    }
                }
            }
        });
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("drop table bench_raw");
        }
        return rate;
    }

    // ---- replay ---------------------------------------------------------------------------------------------

    @Test
    void replay() throws Exception {
        int events = Integer.getInteger("bench.events", 10_000);
        Storage storage = Storage.history(events);
        try (ConfigurableApplicationContext app = storage.start()) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            ViewRebuilds rebuilds = app.getBean(ViewRebuilds.class);
            // A history just replicated is new to the views: they apply it on start, which is a replay too.
            long behind = rebuilds.views().stream().mapToLong(view -> rebuilds.status(view).behind()).max()
                    .orElse(0);
            long stored = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            long unlinked = stored - linked(jdbc);
            Timing catchingUp = Timing.start();
            awaitLive(rebuilds, rebuilds.views());
            Timing caughtUp = catchingUp.stop();
            // The integrity chain is not a view, but it links the new events in the same minutes, on the same cores.
            while (linked(jdbc) < stored) {
                Thread.sleep(50);
            }
            Timing chainCaughtUp = catchingUp.stop();
            DataSource dataSource = app.getBean(DataSource.class);
            // The limit is the best of three passes: the first warms the JIT and the database's cache.
            double raw = Math.max(rawScan(dataSource), Math.max(rawScan(dataSource), rawScan(dataSource)));
            StringBuilder table = new StringBuilder("| rebuilt | seconds | CPU seconds | events/s | events per CPU "
                    + "second | raw scan+deserialize events/s | ratio |\n|---|---|---|---|---|---|---|\n");
            if (behind > 1000) {
                table.append(row("all views catching up on start, " + behind + " events behind", caughtUp, behind,
                        raw));
            }
            if (unlinked > 1000) {
                table.append(row("integrity chain catching up on start (not a view), " + unlinked
                        + " events behind", chainCaughtUp, unlinked, raw));
            }
            if ("false".equals(System.getProperty("bench.rebuild"))) { // -Dbench.rebuild=false: the catch-up only
                report("Replay on " + DB + ", " + stored + " events", table.toString());
                return;
            }
            // Warm-up, not counted: rebuilds of all views until the JIT has settled (at a million events, one).
            JitWarmUp settled = JitWarmUp.until(round -> rebuild(rebuilds, rebuilds.views()));
            Map<String, Long> storeBefore = storeCounters(jdbc);
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            double sharedBefore = eventBatches(meters, "shared");
            double readBefore = eventBatches(meters, "database");
            long compiledBefore = JitWarmUp.compilersMillis();
            Timing all = rebuild(rebuilds, rebuilds.views());
            long compiled = JitWarmUp.compilersMillis() - compiledBefore;
            double shared = eventBatches(meters, "shared") - sharedBefore;
            double read = eventBatches(meters, "database") - readBefore;
            table.append(row("all views", all, stored, raw));
            String host = all.host();
            Map<String, Long> storeAfter = storeCounters(jdbc);
            if (!"false".equals(System.getProperty("bench.each"))) { // -Dbench.each=false: all views only
                for (String view : rebuilds.views()) {
                    table.append(row(view, rebuild(rebuilds, List.of(view)), stored, raw));
                }
            }
            if (storeAfter.containsKey("FILE_SIZE")) {
                table.append(String.format(Locale.ROOT, "%nH2 during the rebuild of all views: %d MB written, %d MB "
                                + "read; the file %d MB before, %d MB after.%n",
                        (storeAfter.get("FILE_WRITE_BYTES") - storeBefore.get("FILE_WRITE_BYTES")) >> 20,
                        (storeAfter.get("FILE_READ_BYTES") - storeBefore.get("FILE_READ_BYTES")) >> 20,
                        storeBefore.get("FILE_SIZE") >> 20, storeAfter.get("FILE_SIZE") >> 20));
            } else if (storeAfter.containsKey("wal_bytes")) {
                table.append(String.format(Locale.ROOT, "%nPostgreSQL during the rebuild of all views (the whole "
                                + "server's counters): %d MB of WAL in %d records, %d of them full-page images; "
                                + "%d checkpoints (%d requested for WAL volume, not timed); %s.%n",
                        (storeAfter.get("wal_bytes") - storeBefore.get("wal_bytes")) >> 20,
                        storeAfter.get("wal_records") - storeBefore.get("wal_records"),
                        storeAfter.get("wal_fpi") - storeBefore.get("wal_fpi"),
                        storeAfter.get("checkpoints_timed") - storeBefore.get("checkpoints_timed")
                                + storeAfter.get("checkpoints_req") - storeBefore.get("checkpoints_req"),
                        storeAfter.get("checkpoints_req") - storeBefore.get("checkpoints_req"),
                        String.join(", ", jdbc.queryForList("select name || ' ' || current_setting(name) "
                                + "from pg_settings where name in ('shared_buffers', 'max_wal_size', "
                                + "'checkpoint_timeout', 'wal_compression') order by name", String.class))));
            }
            table.append(String.format(Locale.ROOT, "%nDuring the rebuild of all views: %sthe JIT compilers "
                    + "worked %.1f s; the processors read %.0f batches of events from the database and took %.0f "
                    + "from another's read (storage.SharedEventBatches).%n", host.isEmpty() ? "" : host + "; ",
                    compiled / 1e3, read, shared));
            table.append(settled.report());
            table.append(String.format(Locale.ROOT, "%nRaw scan+deserialize measured again after the rebuilds: %.0f "
                    + "events/s (the ratios use the best of three passes before them).%n", rawScan(dataSource)));
            report("Replay on " + DB + ", " + stored + " events, processor batch size "
                    + System.getProperty("bench.batch-size", "as configured"), table.toString());
        }
    }

    /**
     * What the database wrote: on H2 its store's counters (bytes written and read since it opened, the file's size);
     * on PostgreSQL the server's WAL and checkpoint counters since they were last reset ({@code pg_stat_wal},
     * PostgreSQL 14 and later, and {@code pg_stat_bgwriter}).
     */
    private static Map<String, Long> storeCounters(JdbcTemplate jdbc) {
        Map<String, Long> counters = new LinkedHashMap<>();
        if (DB.equals("postgres")) {
            jdbc.query("select w.wal_records, w.wal_fpi, w.wal_bytes, b.checkpoints_timed, b.checkpoints_req "
                    + "from pg_stat_wal w, pg_stat_bgwriter b", (ResultSet row) -> {
                        for (String counter : List.of("wal_records", "wal_fpi", "wal_bytes", "checkpoints_timed",
                                "checkpoints_req")) {
                            counters.put(counter, row.getLong(counter));
                        }
                    });
        } else {
            jdbc.query("select setting_name, setting_value from information_schema.settings where setting_name in "
                            + "('info.FILE_WRITE_BYTES', 'info.FILE_READ_BYTES', 'info.FILE_SIZE')",
                    (ResultSet row) -> {
                        counters.put(row.getString(1).substring("info.".length()), Long.parseLong(row.getString(2)));
                    });
        }
        return counters;
    }

    private static String row(String what, Timing timing, long events, double raw) {
        double rate = events / timing.seconds();
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.0f | %.0f | %.0f | %.1f%% |%n", what,
                timing.seconds(), timing.cpuSeconds(), rate, events / timing.cpuSeconds(), raw, 100 * rate / raw);
    }

    private static Timing rebuild(ViewRebuilds rebuilds, List<String> views) throws InterruptedException {
        Timing started = Timing.start();
        rebuilds.rebuild(views, new Actor("bench", "bench"));
        awaitLive(rebuilds, views);
        return started.stop();
    }

    /**
     * A warm-up that lasts until the JIT has settled: on two cores the compiler threads of a freshly started service
     * take much of a core for a minute or more (Spring, Hibernate, Axon, Jackson and the database's code are compiled
     * as they become hot), and figures measured meanwhile are the compiler's as much as the registry's. The round is
     * repeated until the compilers' time ({@link #compilersMillis()}) during each of three rounds in a row is below a
     * tenth of its length, or {@code bench.warm-up} seconds (default 240) have passed; then {@link #report()} tells
     * how long it took and how much the compilers did during what followed.
     */
    private record JitWarmUp(double seconds, int rounds, boolean settled, double lastShare, long compiledMillis,
                             long endedNanos) {

        private static final double SETTLED = 0.1;
        private static final int QUIET_ROUNDS = 3;

        /**
         * Milliseconds the JIT compilers have worked: the CPU time of their threads ({@code C1 CompilerThread},
         * {@code C2 CompilerThread}) where Linux's {@code /proc} shows them, else the JVM's own compilation time, which
         * is wall time and on a busy machine counts the compilers' waits for a core too.
         */
        static long compilersMillis() {
            try (var threads = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
                long ticks = 0;
                boolean found = false;
                for (Path thread : threads) {
                    ProcStat stat = ProcStat.of(thread);
                    if (stat.name().startsWith("C1 CompilerThre") || stat.name().startsWith("C2 CompilerThre")) {
                        ticks += stat.ownTicks();
                        found = true;
                    }
                }
                if (found) {
                    return (long) (ticks * ProcStat.MILLIS_PER_TICK);
                }
            } catch (IOException | RuntimeException notLinux) {
                // below
            }
            // No /proc, or a JVM whose compiler threads are named otherwise.
            return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        }

        static JitWarmUp until(Work round) throws Exception {
            double limit = Double.parseDouble(System.getProperty("bench.warm-up", "240"));
            long started = System.nanoTime();
            int rounds = 0;
            int quiet = 0;
            double share;
            do {
                long compiled = compilersMillis();
                long roundStarted = System.nanoTime();
                round.run(rounds);
                double roundMillis = (System.nanoTime() - roundStarted) / 1e6;
                share = (compilersMillis() - compiled) / roundMillis;
                quiet = share < SETTLED ? quiet + 1 : 0;
                rounds++;
                System.out.printf(Locale.ROOT, "warm-up round %d: %.1f s, the compilers %.0f%% of its time%n", rounds,
                        roundMillis / 1000, 100 * share);
            } while (quiet < QUIET_ROUNDS && (System.nanoTime() - started) / 1e9 < limit);
            long ended = System.nanoTime();
            return new JitWarmUp((ended - started) / 1e9, rounds, quiet == QUIET_ROUNDS, share, compilersMillis(),
                    ended);
        }

        /** How long the warm-up took, and the compilers' time since then as a share of the time since then. */
        String report() {
            long since = compilersMillis() - compiledMillis;
            double elapsed = (System.nanoTime() - endedNanos) / 1e6;
            return String.format(Locale.ROOT, "%nWarm-up, not counted: %.0f s in %d rounds, %s; during the measured "
                    + "runs after it the JIT compilers worked %.1f s of %.1f s (%.0f%%).%n", seconds, rounds,
                    settled ? "until the JIT compilers worked less than a tenth of each of three rounds in a row"
                            : String.format(Locale.ROOT, "stopped by bench.warm-up, the compilers at %.0f%% of the "
                            + "last round", 100 * lastShare), since / 1e3, elapsed / 1e3, 100 * since / elapsed);
        }
    }

    /**
     * Wall-clock seconds and the CPU seconds the whole process used meanwhile (every thread: the views' processors,
     * H2's writers, the benchmark's own polling). On a shared machine the CPU time moves less than the wall time
     * with what else runs there.
     */
    private record Timing(double seconds, double cpuSeconds, long startedNanos, long startedCpuNanos,
                          HostCpu startedHost, HostCpu used) {

        static Timing start() {
            return new Timing(0, 0, System.nanoTime(), cpuNanos(), HostCpu.now(), null);
        }

        Timing stop() {
            return new Timing((System.nanoTime() - startedNanos) / 1e9, (cpuNanos() - startedCpuNanos) / 1e9,
                    startedNanos, startedCpuNanos, startedHost, HostCpu.now().minus(startedHost));
        }

        /** What the machine's processors did meanwhile, where Linux tells it; empty elsewhere. */
        String host() {
            if (used == null || used.machine() <= 0) {
                return "";
            }
            int cores = Runtime.getRuntime().availableProcessors();
            return String.format(Locale.ROOT, "the JVM %.1f CPU seconds, PostgreSQL's processes %.1f, the whole "
                    + "machine %.1f of the %.1f its %d cores had", cpuSeconds, used.postgres(), used.machine(),
                    seconds * cores, cores);
        }

        static long cpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    /**
     * CPU seconds from Linux's {@code /proc}: every processor's busy time ({@code /proc/stat}), and that of the
     * processes named {@code postgres} (a local PostgreSQL server), the backends that ended included through their
     * postmaster's children's times. Zero where {@code /proc} is not there to read.
     */
    private record HostCpu(double machine, double postgres) {

        static HostCpu now() {
            try {
                String[] total = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                double busy = 0;
                for (int field : new int[] {1, 2, 3, 6, 7, 8}) { // user, nice, system, irq, softirq, steal
                    busy += Long.parseLong(total[field]);
                }
                long postgres = 0;
                try (var processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                    for (Path process : processes) {
                        ProcStat stat = ProcStat.of(process);
                        if (stat.name().equals("postgres")) {
                            postgres += stat.ownTicks() + stat.childrenTicks();
                        }
                    }
                }
                return new HostCpu(busy * ProcStat.MILLIS_PER_TICK / 1000,
                        postgres * ProcStat.MILLIS_PER_TICK / 1000);
            } catch (IOException | RuntimeException notLinux) {
                return new HostCpu(0, 0);
            }
        }

        HostCpu minus(HostCpu before) {
            return new HostCpu(machine - before.machine, postgres - before.postgres);
        }
    }

    /**
     * One process's or thread's line of Linux's {@code /proc/<id>/stat}: its name and its CPU clock ticks, its own
     * (user and system) and those of its children that ended and were waited for. A process that ended while being
     * read has no name and no ticks.
     */
    private record ProcStat(String name, long ownTicks, long childrenTicks) {

        /** Linux's USER_HZ, 100 ticks a second on every architecture the JDK runs on. */
        static final double MILLIS_PER_TICK = 10;

        static ProcStat of(Path process) {
            try {
                String line = Files.readString(process.resolve("stat"));
                int name = line.lastIndexOf(')'); // the name may hold spaces and parentheses itself
                // From the state on (the third field), so utime, stime, cutime, cstime (14 to 17) are at 11 to 14.
                String[] fields = line.substring(name + 2).split(" ");
                return new ProcStat(line.substring(line.indexOf('(') + 1, name),
                        Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                        Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
            } catch (IOException | RuntimeException ended) {
                return new ProcStat("", 0, 0);
            }
        }
    }

    /** How many events the integrity chain has linked: its links are numbered from 1 without gaps. */
    private static long linked(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select coalesce(max(link_number), 0) from event_chain", Long.class);
    }

    private static void awaitLive(ViewRebuilds rebuilds, List<String> views) throws InterruptedException {
        while (views.stream().anyMatch(view -> rebuilds.isRebuilding(view)
                || rebuilds.status(view).behind() > 0)) {
            Thread.sleep(50);
        }
    }

    /** The database's limit for a replay: read every event row in order and deserialize its payload with Jackson. */
    private static double rawScan(DataSource dataSource) throws Exception {
        ObjectMapper stored = AxonConfig.storedJson();
        Map<String, Class<?>> types = new LinkedHashMap<>();
        long started = System.nanoTime();
        long rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement scan = connection.createStatement()) {
                scan.setFetchSize(1000);
                try (ResultSet events = scan.executeQuery("select global_index, event_identifier, "
                        + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, "
                        + "payload, meta_data from domain_event_entry order by global_index")) {
                    while (events.next()) {
                        Class<?> type = types.computeIfAbsent(events.getString(7), RegistryBench::load);
                        stored.readValue(events.getBytes(9), type);
                        stored.readTree(events.getBytes(10));
                        rows++;
                    }
                }
            }
        }
        return rows / ((System.nanoTime() - started) / 1e9);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the head of the stream, with open positions ----------------------------------------------------------

    /**
     * What the views' event stream costs to read at the head of a long history while positions behind it are still
     * open (a transaction that has not committed, or one that rolled back): Axon's JPA engine against the registry's
     * ({@link IndexedGapsEventStorageEngine}), each reading the 50 newest events and two filled gaps behind them, as
     * the stream does after concurrent commits; and the same rows read with plain JDBC by each engine's statement.
     */
    @Test
    void tail() throws Exception {
        int events = Integer.getInteger("bench.events", 10_000);
        int reads = Integer.getInteger("bench.reads", 50);
        Storage storage = Storage.history(events);
        // H2 answers a statement asked again of a table unchanged since from the result it kept, where the head of a
        // stream that is written to is never unchanged: here it reads every time, as it does there
        String[] readEveryTime = DB.equals("postgres") ? new String[0]
                : new String[]{Storage.h2Url("OPTIMIZE_REUSE_RESULTS=FALSE")};
        try (ConfigurableApplicationContext app = storage.start(readEveryTime)) {
            ViewRebuilds rebuilds = app.getBean(ViewRebuilds.class);
            awaitLive(rebuilds, rebuilds.views()); // a history just replicated: the views catch up first
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
            GapAwareTrackingToken position = GapAwareTrackingToken.newInstance(head - 50,
                    new TreeSet<>(List.of(head - 120, head - 80)));
            StringBuilder table = new StringBuilder("| read by | rows | p50 ms | p95 ms | max ms | reads |\n"
                    + "|---|---|---|---|---|---|\n");
            for (boolean indexedGaps : new boolean[]{false, true}) {
                EventStorageEngine engine = EventStorageEngines.on(app, 100, indexedGaps); // Axon's default batch
                long[] nanos = new long[reads];
                int rows = 0;
                for (int read = -3; read < reads; read++) { // three reads to warm up, not counted
                    long started = System.nanoTime();
                    try (var stream = engine.readEvents(position, false)) {
                        rows = (int) stream.count();
                    }
                    if (read >= 0) {
                        nanos[read] = System.nanoTime() - started;
                    }
                }
                Arrays.sort(nanos);
                table.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %d |%n",
                        indexedGaps ? "the registry's engine" : "Axon's JPA engine", rows, percentile(nanos, 50),
                        percentile(nanos, 95), nanos[reads - 1] / 1e6, reads));
            }
            DataSource dataSource = app.getBean(DataSource.class);
            String columns = "select global_index, payload, meta_data from domain_event_entry where ";
            table.append(rawReads(dataSource, reads, "raw JDBC, Axon's statement", columns
                    + "global_index > ? or global_index in (?, ?) order by global_index",
                    head - 50, head - 120, head - 80));
            table.append(rawReads(dataSource, reads, "raw JDBC, the registry's statement", columns
                    + "global_index >= ? and (global_index > ? or global_index in (?, ?)) order by global_index",
                    head - 120, head - 50, head - 120, head - 80));
            report("The stream's head on " + DB + ", " + jdbc.queryForObject("select count(*) from "
                    + "domain_event_entry", Long.class) + " events, two open positions behind it", table.toString());
        }
    }

    /** Reads the rows of {@link #tail()} with plain JDBC, without deserializing them. */
    private static String rawReads(DataSource dataSource, int reads, String what, String sql, long... parameters)
            throws SQLException {
        long[] nanos = new long[reads];
        int found = 0;
        for (int read = -3; read < reads; read++) {
            long started = System.nanoTime();
            found = 0;
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setLong(i + 1, parameters[i]);
                }
                select.setMaxRows(100);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        rows.getBytes(2);
                        found++;
                    }
                }
            }
            if (read >= 0) {
                nanos[read] = System.nanoTime() - started;
            }
        }
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %d |%n", what, found,
                percentile(nanos, 50), percentile(nanos, 95), nanos[reads - 1] / 1e6, reads);
    }

    // ---- query ----------------------------------------------------------------------------------------------

    /**
     * Each view endpoint twice: the same question again and again (after the first, answered from the kept answers,
     * {@code views.ViewAnswers}), and "varied": each request a question of its own (a random window of dates, or
     * quarter and nationality), which the view computes afresh. The varied lines take {@code bench.varied} requests
     * (default 200); their figures count fewer incidents than the whole history, but each is a computation. The
     * column "new questions" counts the requests of a line whose question had not been asked before in the run.
     * The incident list likewise: its first page again and again, its first 100 pages ("paged": the total kept, the
     * pages read), and a filter of its own per request ("varied": country and dates, counted afresh). The CPU columns
     * divide by the requests what the JVM (the server and its clients, which share it) and PostgreSQL's processes
     * used while a line ran: less noisy than its rate on a shared machine, and what a change to a request's path moves.
     */
    @Test
    void query() throws Exception {
        int events = Integer.getInteger("bench.events", 10_000);
        int requests = Integer.getInteger("bench.requests", 2000);
        int varied = Integer.getInteger("bench.varied", 200);
        Storage storage = Storage.history(events);
        try (ConfigurableApplicationContext app = storage.start()) {
            ViewRebuilds rebuilds = app.getBean(ViewRebuilds.class);
            awaitLive(rebuilds, rebuilds.views());
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            Map<Role, String> tokens = TestTokens.issue(app);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            List<String> incidents = jdbc.queryForList("select incident_id from incident_summary order by "
                    + "incident_id", String.class);
            Map<String, Function<Random, String>> endpoints = new LinkedHashMap<>();
            for (String view : List.of("borders", "authorities", "frontex", "readmissions")) {
                endpoints.put(view, random -> "/api/v1/views/" + view);
                endpoints.put(view + ", varied", random -> "/api/v1/views/" + view + "?" + window(random));
            }
            endpoints.put("quarterly report", random -> "/api/v1/views/quarterly-report/2022-Q3");
            endpoints.put("quarterly report, varied", random -> "/api/v1/views/quarterly-report/"
                    + (2019 + random.nextInt(5)) + "-Q" + (1 + random.nextInt(4)) + "?nationality="
                    + NATIONALITIES.get(random.nextInt(NATIONALITIES.size())) + "&country="
                    + COUNTRIES.get(random.nextInt(COUNTRIES.size())));
            endpoints.put("incident search", random -> "/api/v1/views/search?country=HR&size=50");
            endpoints.put("incident search, varied", random -> "/api/v1/views/search?country=HR&size=50&"
                    + window(random));
            endpoints.put("incident list", random -> "/api/v1/incidents?size=50");
            // The first 100 pages of the same list, as clients paging through it ask for them.
            endpoints.put("incident list, paged", random -> "/api/v1/incidents?size=50&page=" + random.nextInt(100));
            endpoints.put("incident list, varied", random -> "/api/v1/incidents?size=50&country="
                    + COUNTRIES.get(random.nextInt(COUNTRIES.size())) + "&" + window(random));
            endpoints.put("case history", random -> "/api/v1/incidents/"
                    + incidents.get(random.nextInt(incidents.size())) + "/history");
            StringBuilder table = new StringBuilder("| endpoint | clients | requests | new questions | p50 ms | p95 ms "
                    + "| p99 ms | requests/s | told to retry | JVM CPU ms a request | PostgreSQL CPU ms a request |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|\n");
            Random random = new Random(SEED);
            Set<String> asked = new HashSet<>();
            String only = System.getProperty("bench.only");
            if (only != null) {
                endpoints.keySet().removeIf(name -> !name.matches(only));
            }
            // Before any line: every line's own kind of question, until the JIT has settled. A varied line warms up
            // with questions asked again here (a new question's computation is warmed by the line's own warm-up).
            List<String> settling = new ArrayList<>();
            for (Map.Entry<String, Function<Random, String>> endpoint : endpoints.entrySet()) {
                for (int i = 0; i < (endpoint.getKey().endsWith("varied") ? 3 : 30); i++) {
                    settling.add(endpoint.getValue().apply(random));
                }
            }
            asked.addAll(settling);
            JitWarmUp settled = JitWarmUp.until(round -> get(base, tokens.get(Role.LAWYER), settling, 32));
            for (Map.Entry<String, Function<Random, String>> endpoint : endpoints.entrySet()) {
                int count = endpoint.getKey().endsWith("varied") ? varied : requests;
                for (int clients : new int[]{1, 32}) {
                    List<String> paths = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        paths.add(endpoint.getValue().apply(random));
                    }
                    // Warm-up, not counted: the JIT, the pools, and for a repeated question its first computation;
                    // varied questions warm up with questions of their own, so the measured ones stay new.
                    List<String> warmUp = new ArrayList<>();
                    for (int i = 0; i < Math.min(100, count); i++) {
                        warmUp.add(endpoint.getValue().apply(random));
                    }
                    get(base, tokens.get(Role.LAWYER), warmUp, 4);
                    asked.addAll(warmUp);
                    long unasked = paths.stream().distinct().filter(path -> !asked.contains(path)).count();
                    asked.addAll(paths);
                    long[] latencies = new long[count];
                    Timing timing = Timing.start();
                    int toldToRetry = get(base, tokens.get(Role.LAWYER), paths, clients, latencies);
                    timing = timing.stop();
                    Arrays.sort(latencies);
                    table.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %d "
                            + "| %.2f | %s |%n", endpoint.getKey(), clients, count, unasked,
                            percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                            count / timing.seconds(), toldToRetry, 1000 * timing.cpuSeconds() / count,
                            DB.equals("postgres") && timing.used().machine() > 0
                                    ? String.format(Locale.ROOT, "%.2f", 1000 * timing.used().postgres() / count)
                                    : "-"));
                }
            }
            table.append(settled.report());
            report("Queries on " + DB + ", " + jdbc.queryForObject("select count(*) from domain_event_entry",
                    Long.class) + " events", table.toString());
        }
    }

    /** Batches of stored events read from the database, or taken from another processor's read, so far. */
    private static double eventBatches(MeterRegistry meters, String read) {
        Counter counter = meters.find("registry.event-batches").tag("read", read).counter();
        return counter == null ? 0 : counter.count();
    }

    private static final List<String> NATIONALITIES = List.of("AF", "SY", "PK", "IQ", "MA", "DZ", "BD", "IR", "TR",
            "EG", "IN", "TN", "PS", "SO", "ER");
    private static final List<String> COUNTRIES = List.of("HR", "RS", "HU", "BA", "RO", "BG", "GR", "MK", "SI", "AT");

    /** A random window of dates within the demo history's years, 1 to 24 months long. */
    private static String window(Random random) {
        LocalDate from = LocalDate.of(2019, 1, 1).plusDays(random.nextInt(5 * 365));
        return "from=" + from + "&to=" + from.plusDays(30 + random.nextInt(700));
    }

    private static double percentile(long[] sortedNanos, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    private void get(String base, String token, List<String> paths, int clients) throws Exception {
        get(base, token, paths, clients, new long[paths.size()]);
    }

    /**
     * Each path asked until it is answered, by {@code clients} at once; a latency is the time until the answer, so it
     * includes the waits of a client told to ask again ({@code 503} with {@code Retry-After}, as a view answers
     * figures that take longer to compute than a request waits). Returns how many times clients were told so.
     */
    private int get(String base, String token, List<String> paths, int clients, long[] latencies) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger toldToRetry = new AtomicInteger();
        run(clients, paths.size(), i -> {
            int n = next.getAndIncrement();
            long started = System.nanoTime();
            while (true) {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + paths.get(n)))
                        .header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    break;
                }
                if (response.statusCode() != 503 || response.headers().firstValue("Retry-After").isEmpty()) {
                    throw new IllegalStateException(paths.get(n) + " answered " + response.statusCode());
                }
                toldToRetry.incrementAndGet();
                Thread.sleep(Long.parseLong(response.headers().firstValue("Retry-After").get()) * 1000);
            }
            latencies[n] = System.nanoTime() - started;
        });
        return toldToRetry.get();
    }

    // ---- plumbing -------------------------------------------------------------------------------------------

    /** Work items 0..count-1 shared by {@code clients} threads; returns items per second. */
    private static double run(int clients, int count, Work work) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Callable<Void>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        work.run(i);
                    }
                    return null;
                });
            }
            long started = System.nanoTime();
            for (Future<Void> worker : pool.invokeAll(workers)) {
                worker.get();
            }
            return count / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Work {
        void run(int item) throws Exception;
    }

    private static void report(String title, String table) throws IOException {
        String text = "\n### " + title + "\n\n" + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, assertions "
                + (Assertions.ON ? "on" : "off") + "\n\n" + table;
        System.out.println(text);
        Files.createDirectories(RESULTS.getParent());
        Files.writeString(RESULTS, text, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** Whether classes initialised after the bench's own ran with assertions: they do not, unless that failed. */
    private static final class Assertions {

        static final boolean ON = on();

        @SuppressWarnings({"AssertWithSideEffects", "ConstantConditions"})
        private static boolean on() {
            boolean on = false;
            assert on = true;
            return on;
        }
    }

    /** Where a scenario's registry lives: a fresh or kept H2 directory, or a fresh or kept PostgreSQL database. */
    private record Storage(List<String> arguments, TestPostgres.Database database, boolean keep, String demo) {

        static Storage fresh(String purpose) throws IOException {
            if (DB.equals("postgres")) {
                TestPostgres.Database database = TestPostgres.freshDatabase("bench_" + purpose);
                return new Storage(database.applicationArguments(), database, false, null);
            }
            Path dir = Files.createTempDirectory("registry-bench-" + purpose);
            return new Storage(List.of("--registry.data-dir=" + dir), null, false, null);
        }

        /**
         * A kept registry holding at least {@code events} events from the demo data set, generated on first use.
         * Up to {@value #LOADED} events the demo data set is loaded through the command bus, as the service stores
         * it. Larger histories are that history replicated ({@link Replica}): loading a million events
         * through the command bus would take hours.
         */
        static Storage history(int events) throws Exception {
            int testimonies = (int) Math.ceil(events / 2.4);
            String demo = "--registry.demo.testimonies=" + testimonies;
            if (DB.equals("postgres")) {
                String name = "registry_bench_" + events;
                if (events > LOADED && !TestPostgres.exists(name)) {
                    String base = "registry_bench_" + LOADED;
                    if (!TestPostgres.exists(base)) {
                        history(LOADED).start().close(); // generates the loaded history once
                    }
                    TestPostgres.Database copy = TestPostgres.copyOf(base, name);
                    try (Connection connection = copy.connect()) {
                        Replica.grow(connection, events);
                    }
                    return new Storage(copy.applicationArguments(), copy, true, null);
                }
                TestPostgres.Database kept = TestPostgres.keptDatabase(name);
                return new Storage(kept.applicationArguments(), kept, true, demo);
            }
            Path dir = Path.of("target", "bench-data", "h2-" + events).toAbsolutePath();
            if (events > LOADED && !Files.exists(dir.resolve("registry.mv.db"))) {
                Path base = Path.of("target", "bench-data", "h2-" + LOADED).toAbsolutePath();
                if (!Files.exists(base.resolve("registry.mv.db"))) {
                    history(LOADED).start().close(); // generates the loaded history once
                }
                Files.createDirectories(dir);
                Files.copy(base.resolve("registry.mv.db"), dir.resolve("registry.mv.db"));
                try (Connection connection = java.sql.DriverManager.getConnection("jdbc:h2:file:"
                        + dir.resolve("registry") + ";DB_CLOSE_ON_EXIT=FALSE", "registry", "")) {
                    Replica.grow(connection, events);
                }
                return new Storage(List.of("--registry.data-dir=" + dir), null, true, null);
            }
            Files.createDirectories(dir);
            return new Storage(List.of("--registry.data-dir=" + dir), null, true, demo);
        }

        /** A throwaway copy of the kept history of {@code events} events (generated first if need be), to write into. */
        static Storage copyOfHistory(int events) throws Exception {
            Storage kept = history(events);
            if (events <= LOADED) {
                kept.start().close(); // loads a history of up to LOADED events through the command bus, once
            }
            if (DB.equals("postgres")) {
                TestPostgres.Database copy = TestPostgres.copyOf(kept.database().name(),
                        "registry_bench_ingest_" + events + "_" + java.util.UUID.randomUUID().toString().substring(0, 8));
                return new Storage(copy.applicationArguments(), copy, false, null);
            }
            Path dir = Files.createTempDirectory("registry-bench-ingest-" + events);
            Files.copy(Path.of("target", "bench-data", "h2-" + events, "registry.mv.db").toAbsolutePath(),
                    dir.resolve("registry.mv.db"));
            return new Storage(List.of("--registry.data-dir=" + dir), null, false, null);
        }

        /** The largest history loaded through the command bus; larger ones replicate it. */
        static final int LOADED = 10_000;

        private static final String H2_URL = "--spring.datasource.url=";

        /**
         * The registry's H2 URL (application.yml's) with further settings: those of {@code -Dbench.h2-settings}
         * (to measure H2 settings other than the configured ones, e.g. {@code CACHE_SIZE=131072}), then {@code more}.
         */
        static String h2Url(String... more) {
            StringBuilder url = new StringBuilder(H2_URL + "jdbc:h2:file:${registry.data-dir}/registry;"
                    + "DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=20000");
            String h2Settings = System.getProperty("bench.h2-settings");
            if (h2Settings != null) {
                url.append(';').append(h2Settings);
            }
            for (String setting : more) {
                url.append(';').append(setting);
            }
            return url.toString();
        }

        ConfigurableApplicationContext start(String... settings) {
            RegistryApplication.disableAxonUpdateChecker();
            List<String> all = new ArrayList<>(arguments);
            all.addAll(List.of(settings));
            all.add("--server.port=0");
            all.add("--logging.level.root=WARN");
            if (System.getProperty("bench.h2-settings") != null && !DB.equals("postgres")
                    && all.stream().noneMatch(setting -> setting.startsWith(H2_URL))) {
                all.add(h2Url());
            }
            String batchSize = System.getProperty("bench.batch-size");
            if (batchSize != null) {
                // To measure a processor batch size other than the configured one (before/after figures).
                for (String processor : PROCESSORS) {
                    all.add("--axon.eventhandling.processors." + processor + ".batch-size=" + batchSize);
                }
            }
            if (demo != null) {
                // Loads the demo data set only into an empty registry: the first run generates, later runs reuse.
                all.add("--registry.demo.load=true");
                all.add("--registry.demo.seed=" + SEED);
                all.add(demo);
            }
            long started = System.nanoTime();
            ConfigurableApplicationContext app = new SpringApplicationBuilder(RegistryApplication.class)
                    .run(all.toArray(String[]::new));
            System.out.printf("Registry on %s up in %.1f s%n", DB, (System.nanoTime() - started) / 1e9);
            return app;
        }

        /** Removes a throwaway registry: its PostgreSQL database, or its H2 directory (gigabytes after a run). */
        void drop() {
            if (keep) {
                return;
            }
            if (database != null) {
                database.drop();
                return;
            }
            Path dir = Path.of(arguments.get(0).substring("--registry.data-dir=".length()));
            try (var files = Files.walk(dir)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot remove the benchmark's registry at " + dir, e);
            }
        }
    }

    /**
     * Grows a stored history by copies of itself: every event of the loaded history again, under fresh ids, at the
     * following positions, as if the same cases had been reported again by other groups. Every UUID in an event's
     * identifiers, payload and metadata (incidents, testimonies, correlation ids) is replaced by one derived from the
     * copy's number, so each copy is a set of new aggregates with complete, consistent histories, and the views count
     * each copy's incidents as new incidents. The witnesses' data keys are not copied: copied testimonies are
     * unreadable, as if erased, which no view and no benchmark reads. Runs on the registry's database (the H2 file,
     * or a PostgreSQL copy of the loaded history's database) while no registry has it open; the views then catch up
     * on the next start.
     */
    static final class Replica {

        private static final Pattern UUID_TEXT = Pattern.compile(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        private record Event(String eventId, String aggregateId, long sequenceNumber, String type, String timestamp,
                             String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
        }

        static void grow(Connection connection, long events) throws SQLException {
            long started = System.nanoTime();
            connection.setAutoCommit(false);
            List<Event> loaded = new ArrayList<>();
            long next;
            try (Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("select event_identifier, aggregate_identifier, "
                         + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data "
                         + "from domain_event_entry order by global_index")) {
                while (rows.next()) {
                    loaded.add(new Event(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), rows.getString(7), rows.getBytes(8),
                            rows.getBytes(9)));
                }
            }
            try (Statement sql = connection.createStatement();
                 ResultSet max = sql.executeQuery("select max(global_index) from domain_event_entry")) {
                max.next();
                next = max.getLong(1) + 1;
            }
            long stored = loaded.size();
            try (PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry "
                    + "(global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                    + "payload_type, payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int copy = 1; stored < events; copy++) {
                    for (Event event : loaded) {
                        insert.setLong(1, next++);
                        insert.setString(2, renamed(event.eventId(), copy));
                        insert.setString(3, renamed(event.aggregateId(), copy));
                        insert.setLong(4, event.sequenceNumber());
                        insert.setString(5, event.type());
                        insert.setString(6, event.timestamp());
                        insert.setString(7, event.payloadType());
                        insert.setString(8, event.payloadRevision());
                        insert.setBytes(9, renamed(event.payload(), copy));
                        insert.setBytes(10, event.metaData() == null ? null : renamed(event.metaData(), copy));
                        insert.addBatch();
                        if (++stored % 1000 == 0) {
                            insert.executeBatch();
                            connection.commit();
                        }
                    }
                }
                insert.executeBatch();
            }
            try (Statement sql = connection.createStatement()) {
                sql.execute("alter sequence domain_event_global_index_seq restart with " + next);
            }
            connection.commit();
            System.out.printf("History replicated to %d events in %.1f s%n", stored,
                    (System.nanoTime() - started) / 1e9);
        }

        private static String renamed(String text, int copy) {
            Matcher ids = UUID_TEXT.matcher(text);
            StringBuilder renamed = new StringBuilder(text.length());
            while (ids.find()) {
                ids.appendReplacement(renamed, java.util.UUID.nameUUIDFromBytes((copy + ":" + ids.group())
                        .getBytes(StandardCharsets.US_ASCII)).toString());
            }
            return ids.appendTail(renamed).toString();
        }

        private static byte[] renamed(byte[] json, int copy) {
            return renamed(new String(json, StandardCharsets.UTF_8), copy).getBytes(StandardCharsets.UTF_8);
        }
    }
}
