package eu.borderviolence.registry.core.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.core.StoredJson;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import static eu.borderviolence.registry.core.Samples.LAWYER;
import static eu.borderviolence.registry.core.Samples.MONITOR;
import static eu.borderviolence.registry.core.Samples.chainPushbackAustriaToBosnia;
import static eu.borderviolence.registry.core.Samples.circumstances;
import static eu.borderviolence.registry.core.Samples.hungaryToSerbiaPushback;
import static eu.borderviolence.registry.core.Samples.pashtoWitness;
import static eu.borderviolence.registry.core.Samples.policeRaidInSerbia;
import static eu.borderviolence.registry.core.Samples.readmissionRomaniaToSerbia;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Events are stored for ever: each carries a revision, and each survives the trip through the stored JSON unchanged.
 * The events are found on the classpath, so a new event is checked without anyone remembering to list it here.
 */
class EventContractTest {

    private static final IncidentId INCIDENT = IncidentId.derivedFrom("horgos-2023-07-14");
    private static final IncidentId DUPLICATE = IncidentId.derivedFrom("horgos-2023-07-14-second-report");
    private static final TestimonyId TESTIMONY = TestimonyId.derivedFrom("ak-2023-07-16");
    private static final TestimonyId OTHER_TESTIMONY = TestimonyId.derivedFrom("mr-2023-07-17");

    /** One realistic instance of every event; the test fails for an event that has none. */
    private static final Map<Class<?>, Object> SAMPLES = Map.of(
            IncidentReportedEvent.class, new IncidentReportedEvent(INCIDENT, readmissionRomaniaToSerbia(), MONITOR),
            TestimonyAttachedEvent.class, new TestimonyAttachedEvent(INCIDENT, TESTIMONY, MONITOR),
            IncidentFactsCorrectedEvent.class, new IncidentFactsCorrectedEvent(INCIDENT,
                    chainPushbackAustriaToBosnia(), List.of("date", "borderLegs"),
                    "the witness remembered being driven through Slovenia", LAWYER),
            IncidentCorroboratedEvent.class, new IncidentCorroboratedEvent(INCIDENT,
                    CorroborationSource.MEDICAL_REPORT, "MSF-SUB-0000/2023", ConfidenceStatus.CONFIRMED, LAWYER),
            IncidentMergedEvent.class, new IncidentMergedEvent(DUPLICATE, INCIDENT, "same group, same night", LAWYER),
            DuplicateIncidentAbsorbedEvent.class, new DuplicateIncidentAbsorbedEvent(INCIDENT, DUPLICATE,
                    List.of(TESTIMONY, OTHER_TESTIMONY), "same group, same night", LAWYER),
            IncidentRetractedEvent.class, new IncidentRetractedEvent(INCIDENT, "reported twice by mistake", LAWYER),
            TestimonyRecordedEvent.class, new TestimonyRecordedEvent(TESTIMONY, INCIDENT, circumstances(),
                    hungaryToSerbiaPushback(), new SealedPersonalData(TESTIMONY.toString(), SealedPersonalData.AES_GCM,
                    "bm9uY2Utbm9uY2U=", "c2VhbGVkIGRhdGE="), MONITOR),
            WitnessDataErasedEvent.class, new WitnessDataErasedEvent(TESTIMONY, "consent withdrawn", LAWYER));

    private final ObjectMapper json = StoredJson.mapper();

    static List<Class<?>> events() throws IOException, URISyntaxException, ClassNotFoundException {
        String packageName = IncidentReportedEvent.class.getPackageName();
        String folder = packageName.replace('.', '/');
        Path location = Path.of(IncidentReportedEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> files;
        if (Files.isDirectory(location)) {
            try (Stream<Path> list = Files.list(location.resolve(folder))) {
                files = list.map(path -> path.getFileName().toString()).toList();
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                files = jar.stream().map(ZipEntry::getName)
                        .filter(name -> name.startsWith(folder + "/") && name.indexOf('/', folder.length() + 1) < 0)
                        .map(name -> name.substring(folder.length() + 1)).toList();
            }
        }
        List<Class<?>> events = new ArrayList<>();
        for (String file : files) {
            if (file.endsWith("Event.class") && !file.contains("$")) {
                events.add(Class.forName(packageName + "." + file.substring(0, file.length() - ".class".length())));
            }
        }
        events.sort(Comparator.comparing(Class::getSimpleName));
        return events;
    }

    @Test
    void everyEventHasASample() throws Exception {
        assertThat(events()).hasSizeGreaterThanOrEqualTo(8).containsExactlyInAnyOrderElementsOf(SAMPLES.keySet());
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventCarriesARevision(Class<?> event) {
        Revision revision = event.getAnnotation(Revision.class);

        assertThat(revision).as("@Revision on %s", event.getSimpleName()).isNotNull();
        assertThat(revision.value()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventSurvivesTheStoredJson(Class<?> event) throws Exception {
        Object sample = SAMPLES.get(event);
        assertThat(sample).as("sample of %s", event.getSimpleName()).isNotNull();

        String stored = json.writeValueAsString(sample);

        assertThat(json.readValue(stored, event)).isEqualTo(sample);
    }

    @Test
    void theFactsOfEveryKindSurviveTheStoredJson() throws Exception {
        for (IncidentFacts facts : List.of(hungaryToSerbiaPushback(), chainPushbackAustriaToBosnia(),
                policeRaidInSerbia(), readmissionRomaniaToSerbia())) {
            assertThat(json.readValue(json.writeValueAsString(facts), IncidentFacts.class)).isEqualTo(facts);
        }
    }

    @Test
    void datesAndIdentifiersAreStoredAsText() throws Exception {
        String stored = json.writeValueAsString(SAMPLES.get(IncidentReportedEvent.class));

        assertThat(stored).contains("\"incidentId\":\"" + INCIDENT + "\"", "\"transferDate\":\"2021-01-28\"",
                "\"sendingState\":\"RO\"");
    }

    // Validation messages end up in responses and logs; the rejected value may be personal data.

    @Test
    void aRejectedWitnessAccountIsNotEchoedInTheMessage() {
        String pseudonym = "Ahmad Khan from Jalalabad, brother of Wali Khan in Sombor camp, ".repeat(3);
        String contact = "+93 70 000 0000 and +381 60 000 0017, ask for Ahmad in the Sombor camp ".repeat(4);
        String narrative = "د شپې پولیسو موږ ونیولو ".repeat(1_000);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WitnessAccount(pseudonym, null, null, null, null, null, null, null, null))
                .extracting(Throwable::getMessage).asString().doesNotContain("Ahmad", "Jalalabad", "Wali");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WitnessAccount(null, null, null, null, null, null, contact, null, null))
                .extracting(Throwable::getMessage).asString().doesNotContain("+93", "Ahmad", "Sombor");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WitnessAccount(null, null, null, null, null, null, null, narrative, null))
                .extracting(Throwable::getMessage).asString().doesNotContain("پولیسو");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WitnessAccount(null, 137, null, null, null, null, null, null, null))
                .extracting(Throwable::getMessage).asString().doesNotContain("137");
    }

    @ParameterizedTest
    @ValueSource(strings = {"af", "QQ", "Afghanistan", "AFG"})
    void aRejectedCountryCodeIsNotEchoedInTheMessage(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> CountryCode.of(code))
                .extracting(Throwable::getMessage).asString().doesNotContain(code);
    }

    @Test
    void aRejectedNationalityInStoredJsonIsNotEchoedInTheMappingError() {
        String body = "{\"nationality\":\"Afghanistan\",\"count\":3}";

        assertThatThrownBy(() -> json.readValue(body, NationalityCount.class))
                .extracting(Throwable::getMessage).asString().doesNotContain("Afghanistan");
    }
}
