package eu.borderviolence.registry.api.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.RegistryApplication;
import eu.borderviolence.registry.api.demo.DemoDataSet;
import eu.borderviolence.registry.api.demo.DemoStep;
import eu.borderviolence.registry.api.security.Role;
import eu.borderviolence.registry.api.security.TestTokens;
import eu.borderviolence.registry.core.api.AuthorityInvolvement;
import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.CorrectIncidentFactsCommand;
import eu.borderviolence.registry.core.api.CorroborateIncidentCommand;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.MergeIncidentsCommand;
import eu.borderviolence.registry.core.api.NationalityCount;
import eu.borderviolence.registry.core.api.ReportIncidentCommand;
import eu.borderviolence.registry.core.api.RetractIncidentCommand;
import eu.borderviolence.registry.core.api.SubmitTestimonyCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every view through the API on the demo data set, checked against figures computed here, independently of the
 * projections: straight from the commands the demo sent, folded into each incident's final facts and status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewsJourneyTest {

    private static final long SEED = DemoDataSet.DEFAULT_SEED;
    private static final int TESTIMONIES = DemoDataSet.DEFAULT_TESTIMONIES;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private Map<Role, String> tokens;

    @TempDir
    static Path dataDir;
    private ConfigurableApplicationContext app;
    private String base;
    /** The final facts of every incident that counts: neither merged into another nor retracted. */
    private Map<IncidentId, IncidentFacts> active;
    private Set<IncidentId> retracted;
    /** Incidents still active whose facts were corrected, with the corrected facts. */
    private final Map<IncidentId, IncidentFacts> corrections = new LinkedHashMap<>();

    @BeforeAll
    void loadTheDemo() throws Exception {
        RegistryApplication.disableAxonUpdateChecker();
        app = new SpringApplicationBuilder(RegistryApplication.class).run("--server.port=0",
                "--registry.data-dir=" + dataDir, "--registry.demo.load=true", "--registry.demo.seed=" + SEED,
                "--registry.demo.testimonies=" + TESTIMONIES);
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        tokens = TestTokens.issue(app);
        fold(DemoDataSet.generate(SEED, TESTIMONIES));
        assertThat(get("/api/v1/views/search?size=1&consistency=STRONG").get("totalItems").asLong())
                .isEqualTo(active.size());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private void fold(List<DemoStep> steps) {
        Map<IncidentId, IncidentFacts> facts = new LinkedHashMap<>();
        Set<IncidentId> merged = new HashSet<>();
        retracted = new HashSet<>();
        for (DemoStep step : steps) {
            Object command = step.command();
            if (command instanceof SubmitTestimonyCommand submission && !submission.existingIncident()) {
                facts.put(submission.incidentId(), submission.reportedFacts());
            } else if (command instanceof ReportIncidentCommand report) {
                facts.put(report.incidentId(), report.facts());
            } else if (command instanceof CorrectIncidentFactsCommand correction) {
                facts.put(correction.incidentId(), correction.facts());
                corrections.put(correction.incidentId(), correction.facts());
            } else if (command instanceof CorroborateIncidentCommand corroboration
                    && corroboration.confidence() != null) {
                facts.computeIfPresent(corroboration.incidentId(),
                        (id, known) -> known.withConfidence(corroboration.confidence()));
            } else if (command instanceof MergeIncidentsCommand merge) {
                merged.add(merge.duplicateId());
            } else if (command instanceof RetractIncidentCommand retraction) {
                retracted.add(retraction.incidentId());
            }
        }
        active = new LinkedHashMap<>(facts);
        active.keySet().removeAll(merged);
        active.keySet().removeAll(retracted);
        retracted.removeAll(merged);
        corrections.keySet().retainAll(active.keySet());
        assertThat(corrections).isNotEmpty();
        assertThat(merged).isNotEmpty();
        assertThat(retracted).isNotEmpty();
    }

    @Test
    void perBorderFiguresMatchTheSubmittedData() throws Exception {
        JsonNode view = get("/api/v1/views/borders?listIncidents=true");

        Map<IncidentId, IncidentFacts> withLegs = where(f -> !f.borderLegs().isEmpty());
        assertThat(ids(view.at("/total/incidentIds"))).isEqualTo(withLegs.keySet());
        assertThat(view.at("/total/people").asLong()).isEqualTo(people(withLegs));
        Set<BorderLeg> legs = withLegs.values().stream().flatMap(f -> f.borderLegs().stream())
                .collect(Collectors.toSet());
        assertThat(view.get("legs")).hasSize(legs.size());
        for (JsonNode leg : view.get("legs")) {
            BorderLeg key = BorderLeg.of(leg.at("/leg/from").asText(), leg.at("/leg/to").asText());
            Map<IncidentId, IncidentFacts> passed = where(f -> f.borderLegs().contains(key));
            assertThat(ids(leg.at("/figures/incidentIds"))).as(key.toString()).isEqualTo(passed.keySet());
            assertThat(leg.at("/figures/people").asLong()).as(key.toString()).isEqualTo(people(passed));
            assertThat(leg.at("/figures/minors").asLong()).isEqualTo(passed.values().stream()
                    .mapToLong(f -> f.people() == null || f.people().minors() == null ? 0 : f.people().minors()).sum());
            assertThat(leg.get("chainPushbacks").asLong())
                    .isEqualTo(passed.values().stream().filter(f -> f.borderLegs().size() > 1).count());
        }
        Map<String, Long> chains = withLegs.values().stream().filter(f -> f.borderLegs().size() > 1)
                .collect(Collectors.groupingBy(ViewsJourneyTest::route, TreeMap::new, Collectors.counting()));
        assertThat(counts(view.get("chains"))).isEqualTo(chains);

        JsonNode confirmed = get("/api/v1/views/borders?confidence=CONFIRMED&listIncidents=true");
        assertThat(ids(confirmed.at("/total/incidentIds"))).isEqualTo(
                where(f -> !f.borderLegs().isEmpty() && f.confidence() == ConfidenceStatus.CONFIRMED).keySet());
    }

    @Test
    void perAuthorityFiguresMatchTheSubmittedData() throws Exception {
        JsonNode view = get("/api/v1/views/authorities");

        Map<String, Long> expected = new TreeMap<>();
        active.values().forEach(f -> f.authorities().stream()
                .map(a -> a.authority().country().code() + "-" + a.authority().agency()).distinct()
                .forEach(key -> expected.merge(key, 1L, Long::sum)));
        Map<String, Long> actual = new TreeMap<>();
        view.get("authorities").forEach(a -> actual.put(a.get("country").asText() + "-" + a.get("agency").asText(),
                a.at("/figures/incidents").asLong()));
        assertThat(actual).isEqualTo(expected);
        assertThat(view.at("/total/incidents").asLong())
                .isEqualTo(active.values().stream().filter(f -> !f.authorities().isEmpty()).count());
    }

    @Test
    void frontexFiguresListExactlyTheIncidentsWithFrontexOrForeignOfficers() throws Exception {
        JsonNode view = get("/api/v1/views/frontex");

        Set<IncidentId> frontex = where(f -> f.frontex() != null).keySet();
        assertThat(frontex).isNotEmpty();
        assertThat(ids(view.at("/frontex/incidentIds"))).isEqualTo(frontex);
        long observing = active.values().stream().filter(f -> f.frontex() != null
                && f.frontex().role() == eu.borderviolence.registry.core.api.FrontexRole.OBSERVING).count();
        view.get("frontexByRole").forEach(role -> {
            if (role.get("key").asText().equals("OBSERVING")) {
                assertThat(role.get("incidents").asLong()).isEqualTo(observing);
            }
        });
        Set<IncidentId> foreign = where(ViewsJourneyTest::hasThirdStateOfficers).keySet();
        assertThat(foreign).isNotEmpty();
        assertThat(ids(view.at("/foreignOfficers/incidentIds"))).isEqualTo(foreign);
    }

    @Test
    void readmissionFiguresMatchTheSubmittedData() throws Exception {
        JsonNode view = get("/api/v1/views/readmissions?listIncidents=true");

        Map<IncidentId, IncidentFacts> readmissions = where(f -> f.kind() == IncidentKind.READMISSION_DEPORTATION);
        assertThat(readmissions).isNotEmpty();
        assertThat(ids(view.at("/total/incidentIds"))).isEqualTo(readmissions.keySet());
        Map<String, Long> routes = readmissions.values().stream().collect(Collectors.groupingBy(
                f -> f.readmission().sendingState().code() + "-" + f.readmission().receivingState().code(),
                TreeMap::new, Collectors.counting()));
        assertThat(counts(view.get("bySendingAndReceivingState"))).isEqualTo(routes);
        assertThat(view.get("dublinThenReadmission").findValues("incidents").stream().mapToLong(JsonNode::asLong)
                .sum()).isEqualTo(readmissions.values().stream()
                .filter(f -> f.readmission().priorDublinTransfer() != null).count());
    }

    @Test
    void quarterlyReportsMatchTheSubmittedData() throws Exception {
        for (String quarter : List.of("2021-Q3", "2022-Q4", "2023-Q2")) {
            int year = Integer.parseInt(quarter.substring(0, 4));
            int first = (quarter.charAt(6) - '1') * 3 + 1;
            LocalDate from = LocalDate.of(year, first, 1);
            LocalDate to = from.plusMonths(3).minusDays(1);
            Map<IncidentId, IncidentFacts> inQuarter = where(f -> f.date() != null
                    && !f.date().earliest().isBefore(from) && !f.date().earliest().isAfter(to));
            assertThat(inQuarter).as(quarter).isNotEmpty();

            JsonNode report = get("/api/v1/views/quarterly-report/" + quarter);
            assertThat(report.at("/total/incidents").asLong()).as(quarter).isEqualTo(inQuarter.size());
            assertThat(report.at("/total/people").asLong()).as(quarter).isEqualTo(people(inQuarter));
            assertThat(report.at("/total/unaccompaniedMinors").asLong()).isEqualTo(inQuarter.values().stream()
                    .mapToLong(f -> f.people() == null || f.people().unaccompaniedMinors() == null ? 0
                            : f.people().unaccompaniedMinors()).sum());
            Map<String, Long> nationals = new TreeMap<>();
            inQuarter.values().forEach(f -> f.nationalities().stream().filter(n -> n.count() != null)
                    .forEach(n -> nationals.merge(n.nationality().code(), (long) n.count(), Long::sum)));
            Map<String, Long> reported = new TreeMap<>();
            report.get("nationalities").forEach(n -> reported.put(n.get("nationality").asText(), n.get("people").asLong()));
            assertThat(reported).as(quarter).isEqualTo(nationals);
            double percent = StreamSupport.stream(report.get("nationalities").spliterator(), false)
                    .mapToDouble(n -> n.get("percent").asDouble()).sum();
            assertThat(percent).isBetween(99.0, 101.0);
            assertThat(report.at("/pushbacks/incidents").asLong()).isEqualTo(
                    inQuarter.values().stream().filter(f -> f.kind() == IncidentKind.PUSHBACK).count());

            HttpResponse<String> csv = http.send(authorised("/api/v1/views/quarterly-report/" + quarter)
                    .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.body()).contains("total,incidents," + inQuarter.size() + "," + people(inQuarter) + ",");
        }
    }

    @Test
    void searchFindsEveryCombinationOfFilters() throws Exception {
        long afghanPushbacks = where(f -> f.kind() == IncidentKind.PUSHBACK && f.nationalities().stream()
                .map(NationalityCount::nationality).anyMatch(CountryCode.of("AF")::equals)).size();
        assertThat(get("/api/v1/views/search?kind=PUSHBACK&nationality=AF&size=1").get("totalItems").asLong())
                .isEqualTo(afghanPushbacks);
        long hrBaBeatings = where(f -> f.borderLegs().contains(BorderLeg.of("HR", "BA"))
                && f.violations().contains(eu.borderviolence.registry.core.api.ViolationCode.BEATING)).size();
        assertThat(get("/api/v1/views/search?borderLeg=HR-BA&violation=BEATING&size=1").get("totalItems").asLong())
                .isEqualTo(hrBaBeatings);
        assertThat(get("/api/v1/views/search?includeRetracted=true&size=1").get("totalItems").asLong())
                .isEqualTo(active.size() + retracted.size());

        JsonNode page = get("/api/v1/views/search?sort=DATE_ASC&size=200");
        List<String> days = StreamSupport.stream(page.get("items").spliterator(), false)
                .map(hit -> hit.at("/date/earliest").asText("")).filter(day -> !day.isEmpty()).toList();
        assertThat(days).isSorted();
        assertThat(page.toString()).doesNotContain("witness", "Witness-", "demo-contact-");
    }

    @Test
    void anIncidentAsOfAMomentIsRebuiltFromItsEvents() throws Exception {
        IncidentId corrected = corrections.keySet().iterator().next();
        JsonNode now = get("/api/v1/incidents/" + corrected);
        JsonNode rebuilt = get("/api/v1/incidents/" + corrected + "?asOf=" + java.time.Instant.now());
        assertThat(rebuilt).isEqualTo(now);
        JsonNode reported = get("/api/v1/incidents/" + corrected + "?asOf=" + now.get("reportedAt").asText());
        assertThat(reported.get("version").asLong()).isLessThan(now.get("version").asLong());
        assertThat(json.treeToValue(reported.get("facts"), IncidentFacts.class))
                .isNotEqualTo(corrections.get(corrected));
        HttpResponse<String> before = http.send(authorised("/api/v1/incidents/" + corrected
                + "?asOf=2000-01-01T00:00:00Z").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(before.statusCode()).isEqualTo(404);
    }

    @Test
    void analystsSeeTheSameFiguresWithSmallCellsSuppressed() throws Exception {
        JsonNode exact = get("/api/v1/views/borders");
        JsonNode analysts = json.readTree(http.send(authorised("/api/v1/views/borders", Role.ANALYST).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(analysts.at("/total/incidents").asLong()).isEqualTo(exact.at("/total/incidents").asLong());
        int suppressed = 0;
        for (int i = 0; i < exact.get("legs").size(); i++) {
            for (int m = 0; m < exact.at("/legs/" + i + "/byMonth").size(); m++) {
                JsonNode month = exact.at("/legs/" + i + "/byMonth/" + m);
                JsonNode shown = analysts.at("/legs/" + i + "/byMonth/" + m);
                assertThat(shown.get("key")).isEqualTo(month.get("key"));
                if (month.get("incidents").asLong() < 5) {
                    assertThat(shown.get("suppressed").asBoolean()).isTrue();
                    assertThat(shown.get("people").isNull()).isTrue();
                    suppressed++;
                } else {
                    assertThat(shown.get("people")).isEqualTo(month.get("people"));
                }
            }
        }
        assertThat(suppressed).as("the demo has quiet months on some borders").isPositive();
    }

    /** Officers of a state that neither expelled, nor received, nor (for police violence) was the place. */
    private static boolean hasThirdStateOfficers(IncidentFacts facts) {
        Set<CountryCode> involved = new HashSet<>();
        facts.borderLegs().forEach(leg -> {
            involved.add(leg.from());
            involved.add(leg.to());
        });
        if (facts.kind() == IncidentKind.POLICE_VIOLENCE && facts.place() != null) {
            involved.add(facts.place().country());
        }
        if (facts.readmission() != null) {
            involved.add(facts.readmission().sendingState());
            involved.add(facts.readmission().receivingState());
        }
        return !involved.isEmpty() && facts.authorities().stream().map(AuthorityInvolvement::authority)
                .anyMatch(a -> !involved.contains(a.country()));
    }

    private Map<IncidentId, IncidentFacts> where(Predicate<IncidentFacts> condition) {
        Map<IncidentId, IncidentFacts> matching = new HashMap<>();
        active.forEach((id, facts) -> {
            if (condition.test(facts)) {
                matching.put(id, facts);
            }
        });
        return matching;
    }

    private static long people(Map<IncidentId, IncidentFacts> incidents) {
        return incidents.values().stream().mapToLong(f -> f.people() == null || f.people().groupSize() == null ? 0
                : f.people().groupSize()).sum();
    }

    private static String route(IncidentFacts facts) {
        return facts.borderLegs().get(0).from().code() + facts.borderLegs().stream().map(l -> "-" + l.to().code())
                .collect(Collectors.joining());
    }

    private static Set<IncidentId> ids(JsonNode array) {
        Set<IncidentId> ids = new HashSet<>();
        array.forEach(id -> ids.add(IncidentId.of(id.asText())));
        assertThat(ids).hasSize(array.size());
        return ids;
    }

    private static Map<String, Long> counts(JsonNode lines) {
        Map<String, Long> counts = new TreeMap<>();
        lines.forEach(line -> counts.put(line.get("key").asText(), line.get("incidents").asLong()));
        return counts;
    }

    /** As a lawyer, who sees every figure exactly; analysts see small cells suppressed (tested below). */
    private HttpRequest.Builder authorised(String path) {
        return authorised(path, Role.LAWYER);
    }

    private HttpRequest.Builder authorised(String path, Role role) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + tokens.get(role));
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(authorised(path).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }
}
