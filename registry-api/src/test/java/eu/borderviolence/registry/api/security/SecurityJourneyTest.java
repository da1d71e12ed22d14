package eu.borderviolence.registry.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.RegistryApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access control on the real application: the first administrator from the bootstrap settings, accounts and tokens
 * made through the admin API, every endpoint against every role, revocation, the brake on guessing, and password
 * login with CSRF protection for browsers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityJourneyTest {

    private static final String ANY_INCIDENT = UUID.randomUUID().toString();

    /** Every endpoint with the roles that may call it; every other role must get 403, no token 401. */
    private static final List<Rule> RULES = List.of(
            new Rule("POST", "/api/v1/testimonies", "{}", EnumSet.of(Role.REPORTER)),
            new Rule("POST", "/api/v1/incidents", "{}", EnumSet.of(Role.REPORTER, Role.LAWYER)),
            new Rule("POST", "/api/v1/incidents/" + ANY_INCIDENT + "/corrections", "{}",
                    EnumSet.of(Role.REPORTER, Role.LAWYER)),
            new Rule("POST", "/api/v1/incidents/" + ANY_INCIDENT + "/corroborations", "{}",
                    EnumSet.of(Role.REPORTER, Role.LAWYER)),
            new Rule("POST", "/api/v1/incidents/" + ANY_INCIDENT + "/merge", "{}", EnumSet.of(Role.LAWYER)),
            new Rule("POST", "/api/v1/incidents/" + ANY_INCIDENT + "/retraction", "{}", EnumSet.of(Role.LAWYER)),
            new Rule("GET", "/api/v1/testimonies/" + UUID.randomUUID(), null, EnumSet.of(Role.REPORTER, Role.LAWYER)),
            new Rule("POST", "/api/v1/testimonies/" + UUID.randomUUID() + "/erasure", "{\"reason\":\"r\"}",
                    EnumSet.of(Role.REPORTER, Role.LAWYER)),
            new Rule("GET", "/api/v1/incidents", null, EnumSet.of(Role.REPORTER, Role.LAWYER, Role.AUDITOR)),
            new Rule("GET", "/api/v1/incidents/" + ANY_INCIDENT, null,
                    EnumSet.of(Role.REPORTER, Role.LAWYER, Role.AUDITOR)),
            new Rule("GET", "/api/v1/incidents/" + ANY_INCIDENT + "/history", null,
                    EnumSet.of(Role.REPORTER, Role.LAWYER, Role.AUDITOR)),
            new Rule("GET", "/api/v1/views/borders", null, EnumSet.of(Role.ANALYST, Role.LAWYER, Role.AUDITOR)),
            new Rule("GET", "/api/v1/views/authorities", null, EnumSet.of(Role.ANALYST, Role.LAWYER, Role.AUDITOR)),
            new Rule("GET", "/api/v1/views/frontex", null, EnumSet.of(Role.ANALYST, Role.LAWYER, Role.AUDITOR)),
            new Rule("GET", "/api/v1/views/readmissions", null, EnumSet.of(Role.ANALYST, Role.LAWYER, Role.AUDITOR)),
            new Rule("GET", "/api/v1/views/quarterly-report/2023-Q3", null,
                    EnumSet.of(Role.ANALYST, Role.LAWYER, Role.AUDITOR)),
            new Rule("GET", "/api/v1/views/search", null, EnumSet.of(Role.ANALYST, Role.LAWYER, Role.AUDITOR)),
            new Rule("GET", "/api/v1/views/status", null, EnumSet.of(Role.AUDITOR)),
            new Rule("POST", "/api/v1/views/rebuilds", "{\"views\":[\"no-such-view\"]}", EnumSet.of(Role.AUDITOR)),
            new Rule("GET", "/api/v1/events", null, EnumSet.of(Role.AUDITOR)),
            new Rule("GET", "/api/v1/audit/verify", null, EnumSet.of(Role.AUDITOR)),
            new Rule("GET", "/api/v1/admin/accounts", null, EnumSet.of(Role.ADMIN)),
            new Rule("POST", "/api/v1/admin/accounts", "{}", EnumSet.of(Role.ADMIN)),
            new Rule("POST", "/api/v1/admin/master-key/rewrap", null, EnumSet.of(Role.ADMIN)),
            new Rule("GET", "/actuator/prometheus", null, EnumSet.of(Role.ADMIN, Role.AUDITOR)),
            new Rule("GET", "/v3/api-docs", null, EnumSet.allOf(Role.class)));

    private record Rule(String method, String path, String body, Set<Role> allowed) {
    }

    @TempDir
    static Path dataDir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private ConfigurableApplicationContext app;
    private String base;
    private String adminToken;

    @BeforeAll
    void startWithABootstrappedAdministrator() throws Exception {
        Path tokenFile = dataDir.resolve("secrets/admin.token");
        RegistryApplication.disableAxonUpdateChecker();
        app = new SpringApplicationBuilder(RegistryApplication.class).run("--server.port=0",
                "--registry.data-dir=" + dataDir.resolve("data"), "--registry.bootstrap.admin-username=root-admin",
                "--registry.bootstrap.admin-token-file=" + tokenFile, "--registry.security.max-failures=5");
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        adminToken = Files.readString(tokenFile).trim();
        assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void everyEndpointIsOpenToItsRolesOnly() throws Exception {
        Map<Role, String> tokens = TestTokens.issue(app);
        List<String> wrong = new ArrayList<>();
        for (Rule rule : RULES) {
            int anonymous = call(rule, null).statusCode();
            if (anonymous != 401) {
                wrong.add(rule.method() + " " + rule.path() + " without a token: " + anonymous);
            }
            for (Role role : Role.values()) {
                int status = call(rule, tokens.get(role)).statusCode();
                boolean allowed = rule.allowed().contains(role);
                if (allowed ? status == 401 || status == 403 : status != 403) {
                    wrong.add(rule.method() + " " + rule.path() + " as " + role + ": " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(call(new Rule("GET", "/actuator/health", null, Set.of()), null).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdministratorIssuesTokensThatWorkUntilRevoked() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/admin/accounts",
                "{\"username\":\"lawyer-9\",\"organisation\":\"legal-aid\",\"role\":\"LAWYER\"}", adminToken);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("password");
        JsonNode issued = json.readTree(send("POST", "/api/v1/admin/accounts/lawyer-9/tokens",
                "{\"label\":\"office laptop\",\"validDays\":30}", adminToken).body());
        String token = issued.get("secret").asText();
        assertThat(token).startsWith("rgt_");
        assertThat(send("GET", "/api/v1/incidents", null, token).statusCode()).isEqualTo(200);

        // rgt_<token id>_<secret>; the secret is base64url and may itself contain '_'.
        String secretPart = token.substring(("rgt_" + issued.at("/token/tokenId").asText() + "_").length());
        assertThat(secretPart).hasSize(43);
        String listed = send("GET", "/api/v1/admin/accounts/lawyer-9/tokens", null, adminToken).body();
        assertThat(listed).contains("office laptop").doesNotContain(secretPart);
        assertThat(send("POST", "/api/v1/admin/tokens/" + issued.at("/token/tokenId").asText() + "/revocation", "",
                adminToken).statusCode()).isEqualTo(204);
        HttpResponse<String> revoked = send("GET", "/api/v1/incidents", null, token);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).doesNotContain(token);

        assertThat(send("POST", "/api/v1/admin/accounts",
                "{\"username\":\"x\",\"organisation\":\"y\",\"role\":\"ANALYST\",\"password\":\"short\"}", adminToken)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void aDisabledAccountsTokensStopWorking() throws Exception {
        send("POST", "/api/v1/admin/accounts", "{\"username\":\"analyst-7\",\"organisation\":\"ngo\","
                + "\"role\":\"ANALYST\"}", adminToken);
        String token = json.readTree(send("POST", "/api/v1/admin/accounts/analyst-7/tokens",
                "{\"label\":\"reports\",\"validDays\":1}", adminToken).body()).get("secret").asText();
        assertThat(send("GET", "/api/v1/views/borders", null, token).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/admin/accounts/analyst-7/disable", "", adminToken).statusCode())
                .isEqualTo(204);
        assertThat(send("GET", "/api/v1/views/borders", null, token).statusCode()).isEqualTo(401);
    }

    @Test
    void aTestimonyIsReadByItsOrganisationAndTheLawyersGrantedItsCaseOnly() throws Exception {
        Map<Role, String> tokens = TestTokens.issue(app);
        String marker = "MARKER-" + UUID.randomUUID();
        HttpResponse<String> submitted = send("POST", "/api/v1/testimonies", """
                {"circumstances":{"recordedOn":"2023-07-16","recordedIn":"RS","recordedAt":"Subotica","language":"ps",
                  "interpreterUsed":true,"consent":{"store":true,"shareWithLawyers":true,"publishAnonymised":false}},
                 "incident":{"kind":"PUSHBACK","date":{"precision":"EXACT_DAY","date":"2023-07-14"},
                  "borderLegs":[{"from":"HU","to":"RS"}]},
                 "witness":{"pseudonym":"%s"}}""".formatted(marker), tokens.get(Role.REPORTER));
        assertThat(submitted.statusCode()).isEqualTo(201);
        JsonNode receipt = json.readTree(submitted.body());
        String path = "/api/v1/testimonies/" + receipt.get("testimonyId").asText();

        assertThat(send("GET", path, null, tokens.get(Role.REPORTER)).body()).contains(marker);
        send("POST", "/api/v1/admin/accounts", "{\"username\":\"monitor-4\",\"organisation\":\"partner-ngo\","
                + "\"role\":\"REPORTER\"}", adminToken);
        String partner = json.readTree(send("POST", "/api/v1/admin/accounts/monitor-4/tokens",
                "{\"label\":\"t\",\"validDays\":1}", adminToken).body()).get("secret").asText();
        HttpResponse<String> otherOrganisation = send("GET", path, null, partner);
        assertThat(otherOrganisation.statusCode()).isEqualTo(404);
        assertThat(otherOrganisation.body()).doesNotContain(marker);

        assertThat(send("GET", path, null, tokens.get(Role.LAWYER)).statusCode()).isEqualTo(404);
        assertThat(send("PUT", "/api/v1/admin/accounts/lawyer-3/grants/" + receipt.get("incidentId").asText(), null,
                adminToken).statusCode()).isEqualTo(204);
        assertThat(send("GET", path, null, tokens.get(Role.LAWYER)).body()).contains(marker);
        assertThat(send("GET", path, null, tokens.get(Role.ANALYST)).statusCode()).isEqualTo(403);
    }

    /** Last: it leaves this client's address blocked for the rest of the failure window. */
    @Test
    @Order(Integer.MAX_VALUE)
    void guessingTokensIsSlowedDown() throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            answers.add(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents"))
                    .header("Authorization", "Bearer rgt_0000000000000000_" + "A".repeat(43)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        // Five failures allowed per window (earlier tests' refused tokens count too), then the address waits.
        List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
        assertThat(statuses).startsWith(401).endsWith(429, 429).containsOnly(401, 429);
        assertThat(answers.get(6).headers().firstValue("Retry-After")).isPresent();
        // Refusals are timed with every other request, Spring Security observing nothing of its own (SecurityConfig).
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        assertThat(meters.find("http.server.requests").tag("status", "401").timers()).isNotEmpty();
        assertThat(meters.find("http.server.requests").tag("status", "429").timers()).isNotEmpty();
        assertThat(meters.getMeters()).noneMatch(meter -> meter.getId().getName().startsWith("spring.security."));
        assertThat(send("GET", "/api/v1/admin/accounts", null, adminToken).statusCode())
                .as("even a good token waits out the window").isEqualTo(429);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(
                browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
        assertThat(csrf.find()).isTrue();
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=lawyer-web&password=x&_csrf=" + csrf.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("and so does a password login").isEqualTo(429);
    }

    @Test
    void thereIsNoAccountButThoseAnAdministratorMade() {
        // Spring Boot's default: an in-memory "user" whose password it writes to the log at start.
        assertThat(app.getBeanNamesForType(UserDetailsService.class)).isEmpty();
    }

    @Test
    void browsersLogInWithAPasswordAndNeedACsrfTokenToWrite() throws Exception {
        send("POST", "/api/v1/admin/accounts", "{\"username\":\"lawyer-web\",\"organisation\":\"legal-aid\","
                + "\"role\":\"LAWYER\",\"password\":\"correct horse battery staple\"}", adminToken);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=lawyer-web&password="
                        + URLEncoder.encode("correct horse battery staple", StandardCharsets.UTF_8)
                        + "&_csrf=" + csrf.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/swagger-ui/index.html");

        HttpResponse<String> read = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(read.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(read.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(base
                        + "/api/v1/incidents/" + ANY_INCIDENT + "/retraction"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"forged\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);

        HttpClient stranger = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher strangersCsrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(
                stranger.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
        assertThat(strangersCsrf.find()).isTrue();
        HttpResponse<String> wrongPassword = stranger.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=lawyer-web&password=guess&_csrf="
                        + strangersCsrf.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongPassword.headers().firstValue("Location").orElse("")).contains("error");
    }

    private HttpResponse<String> call(Rule rule, String token) throws Exception {
        return send(rule.method(), rule.path(), rule.body(), token);
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
