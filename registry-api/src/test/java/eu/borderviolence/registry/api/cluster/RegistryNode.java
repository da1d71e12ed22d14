package eu.borderviolence.registry.api.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One registry node: the application jar as deployed, in its own JVM on its own port. {@link #kill()} ends it the
 * way a power cut or an OOM killer would, without shutdown hooks, so it releases nothing it holds.
 */
final class RegistryNode implements AutoCloseable {

    /** One client for every node: HTTP/1.1, so a killed node's connections fail at once rather than linger. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private volatile boolean killed;

    private RegistryNode(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static RegistryNode start(String name, Path workDir, List<String> arguments) throws IOException {
        String jar = System.getProperty("registry.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("The application jar is missing (" + jar + "): run with 'mvn verify', "
                    + "which packages it before the integration tests");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // Logs outlive the test's temporary directory, for a look after a failure: target/multi-node/.
        Path logs = Files.createDirectories(Path.of("target", "multi-node"));
        Path log = logs.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true",
                "-jar", jar, "--server.port=" + port, "--registry.data-dir=" + workDir.resolve(name)));
        command.addAll(arguments);
        // Appended, so a node started again under its name (after a kill) keeps the log of its earlier run.
        Files.writeString(log, "==== " + name + " starting at " + java.time.Instant.now() + " ====\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return new RegistryNode(name, port, log, builder.start());
    }

    /** Waits until the node answers its health check. */
    RegistryNode awaitUp(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not come up within " + timeout + "; see " + log);
    }

    String name() {
        return name;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** Appends a thread dump of the running node to its log, for a look at what it waits on after a failure. */
    void dumpThreads() throws IOException, InterruptedException {
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), "Thread.print").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start().waitFor(30, TimeUnit.SECONDS);
    }

    /** True once {@link #kill()} began: its connections may break from then on. */
    boolean killed() {
        return killed;
    }

    /** A request to this node as the holder of {@code token}; {@code headers} are name, value pairs. */
    HttpResponse<String> send(String method, String path, String token, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates an account through the administrators' API and returns a new token of it. */
    String account(String admin, String username, String organisation, String role) throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/admin/accounts", admin,
                "{\"username\":\"%s\",\"organisation\":\"%s\",\"role\":\"%s\"}".formatted(username, organisation, role));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("account " + username + " not created: " + created.body());
        }
        return token(admin, username);
    }

    /** Issues a new token of the account through the administrators' API; its secret. */
    String token(String admin, String username) throws Exception {
        HttpResponse<String> token = send("POST", "/api/v1/admin/accounts/" + username + "/tokens", admin,
                "{\"label\":\"test\",\"validDays\":1}");
        if (token.statusCode() != 201) {
            throw new IllegalStateException("no token for " + username + ": " + token.body());
        }
        return JSON.readTree(token.body()).get("secret").asText();
    }

    /** SIGKILL: no shutdown hook runs, no claim is released, no transaction is finished. */
    void kill() throws InterruptedException {
        killed = true;
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
