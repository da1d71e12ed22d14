package eu.borderviolence.registry.api.demo;

import eu.borderviolence.registry.core.api.Actor;
import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.CorrectIncidentFactsCommand;
import eu.borderviolence.registry.core.api.CorroborateIncidentCommand;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.FrontexRole;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.LegalBasis;
import eu.borderviolence.registry.core.api.MergeIncidentsCommand;
import eu.borderviolence.registry.core.api.PeopleAffected;
import eu.borderviolence.registry.core.api.RetractIncidentCommand;
import eu.borderviolence.registry.core.api.SubmitTestimonyCommand;
import eu.borderviolence.registry.core.api.TestimonyId;
import eu.borderviolence.registry.core.api.WitnessAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataSetTest {

    private static final List<DemoStep> DEFAULT = DemoDataSet.generate(DemoDataSet.DEFAULT_SEED,
            DemoDataSet.DEFAULT_TESTIMONIES);

    @Test
    void theSameSeedGivesTheSameSteps() {
        List<DemoStep> again = DemoDataSet.generate(DemoDataSet.DEFAULT_SEED, DemoDataSet.DEFAULT_TESTIMONIES);

        assertThat(again).isEqualTo(DEFAULT);
        assertThat(again.stream().map(DemoStep::toString).toList())
                .isEqualTo(DEFAULT.stream().map(DemoStep::toString).toList());
        // WitnessAccount's toString withholds its content, so compare the witnesses field by field as well.
        assertThat(witnesses(again)).usingRecursiveFieldByFieldElementComparator().isEqualTo(witnesses(DEFAULT));
    }

    @Test
    void anotherSeedGivesOtherSteps() {
        List<DemoStep> other = DemoDataSet.generate(7, DemoDataSet.DEFAULT_TESTIMONIES);

        assertThat(other).isNotEqualTo(DEFAULT);
        assertThat(incidentsCreated(other)).doesNotContainAnyElementsOf(incidentsCreated(DEFAULT));
    }

    @Test
    void holdsAtLeastTheRequestedTestimoniesAboutAThirdOfThemFurtherWitnesses() {
        List<SubmitTestimonyCommand> submissions = submissions(DEFAULT).toList();
        long further = submissions.stream().filter(SubmitTestimonyCommand::existingIncident).count();

        assertThat(submissions).hasSizeGreaterThanOrEqualTo(600);
        assertThat((double) further / submissions.size()).isBetween(0.28, 0.38);
        assertThat(submissions.stream().map(SubmitTestimonyCommand::testimonyId).distinct())
                .hasSameSizeAs(submissions);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 30, 150})
    void smallDataSetsStillShowEveryCase(int testimonies) {
        List<DemoStep> steps = DemoDataSet.generate(11, testimonies);

        assertThat(submissions(steps).count()).isGreaterThanOrEqualTo(testimonies);
        assertThat(reported(steps)).anyMatch(IncidentFacts::isChainPushback)
                .anyMatch(frontex(FrontexRole.OBSERVING)).anyMatch(frontex(FrontexRole.PARTICIPATING))
                .anyMatch(facts -> !facts.foreignOfficers().isEmpty())
                .anyMatch(DemoDataSetTest::readmissionAfterDublin);
        assertThat(steps).anyMatch(step -> step.command() instanceof CorrectIncidentFactsCommand)
                .anyMatch(step -> step.command() instanceof MergeIncidentsCommand)
                .anyMatch(step -> step.command() instanceof RetractIncidentCommand);
        assertLifecycleRespected(steps);
    }

    @Test
    void coversTheBordersOfTheSourcesMostlyHungaryToSerbia() {
        Map<List<BorderLeg>, Long> routes = new HashMap<>();
        reported(DEFAULT).filter(facts -> facts.kind() == IncidentKind.PUSHBACK)
                .forEach(facts -> routes.merge(facts.borderLegs(), 1L, Long::sum));
        List<BorderLeg> hungaryToSerbia = List.of(BorderLeg.of("HU", "RS"));

        assertThat(routes).containsKeys(hungaryToSerbia, List.of(BorderLeg.of("HR", "RS")),
                List.of(BorderLeg.of("RO", "RS")), List.of(BorderLeg.of("BG", "RS")), List.of(BorderLeg.of("RS", "MK")),
                List.of(BorderLeg.of("RS", "BG")), List.of(BorderLeg.of("BA", "RS")));
        assertThat(routes.get(hungaryToSerbia)).isEqualTo(routes.values().stream().max(Long::compare).orElseThrow());
        assertThat(reported(DEFAULT)).anyMatch(facts -> facts.kind() == IncidentKind.POLICE_VIOLENCE)
                .anyMatch(facts -> facts.kind() == IncidentKind.READMISSION_DEPORTATION);
    }

    @Test
    void containsBothChainPushbacksOfTheBrief() {
        assertThat(reported(DEFAULT).map(IncidentFacts::borderLegs)).contains(
                List.of(BorderLeg.of("AT", "SI"), BorderLeg.of("SI", "HR"), BorderLeg.of("HR", "BA")),
                List.of(BorderLeg.of("HU", "RS"), BorderLeg.of("RS", "MK")));
    }

    @Test
    void containsFrontexObservingAndParticipatingFromLate2021() {
        assertThat(reported(DEFAULT)).anyMatch(frontex(FrontexRole.OBSERVING))
                .anyMatch(frontex(FrontexRole.PARTICIPATING));
        assertThat(reported(DEFAULT).filter(facts -> facts.frontex() != null))
                .allMatch(facts -> !facts.frontex().recognisedBy().isEmpty())
                .allMatch(facts -> facts.date() == null || !facts.date().earliest().isBefore(LocalDate.of(2021, 6, 1)));
    }

    @Test
    void containsJointOperationsWithForeignOfficers() {
        assertThat(reported(DEFAULT)).anyMatch(foreignOfficersFrom("AT", BorderLeg.of("RS", "BG")))
                .anyMatch(foreignOfficersFrom("DE", BorderLeg.of("RS", "MK")))
                .anyMatch(foreignOfficersFrom("AT", BorderLeg.of("HU", "RS")))
                .anyMatch(foreignOfficersFrom("CZ", BorderLeg.of("HU", "RS")));
    }

    @Test
    void containsSerbianPoliceViolenceInTheNorth() {
        List<IncidentFacts> raids = reported(DEFAULT).filter(facts -> facts.kind() == IncidentKind.POLICE_VIOLENCE)
                .toList();

        assertThat(raids).extracting(facts -> facts.place().placeName()).contains("Subotica", "Sombor", "Horgoš");
        assertThat(raids).allMatch(facts -> facts.place().country().equals(CountryCode.of("RS")));
    }

    @Test
    void containsAReadmissionRightAfterADublinTransferWithItsDocuments() {
        assertThat(reported(DEFAULT)).anyMatch(facts -> readmissionAfterDublin(facts)
                && facts.readmission().priorDublinTransfer().fromState().equals(CountryCode.of("AT"))
                && facts.readmission().documentReferences().size() >= 2);
    }

    @Test
    void syriansAndAfghansAreMostOfThePeopleCounted() {
        Map<CountryCode, Integer> counted = new HashMap<>();
        reported(DEFAULT).flatMap(facts -> facts.nationalities().stream()).filter(n -> n.count() != null)
                .forEach(n -> counted.merge(n.nationality(), n.count(), Integer::sum));
        int all = counted.values().stream().mapToInt(Integer::intValue).sum();
        int syriansAndAfghans = counted.getOrDefault(CountryCode.of("SY"), 0)
                + counted.getOrDefault(CountryCode.of("AF"), 0);

        assertThat((double) syriansAndAfghans / all).isGreaterThanOrEqualTo(0.90);
        assertThat(counted.keySet()).extracting(CountryCode::code).contains("MA", "PK", "IQ", "BD", "TR");
    }

    @Test
    void aboutHalfThePeopleAreChildrenAFifthOfThemUnaccompanied() {
        List<PeopleAffected> counted = reported(DEFAULT).map(IncidentFacts::people)
                .filter(people -> people != null && people.minors() != null).toList();
        int people = counted.stream().mapToInt(PeopleAffected::groupSize).sum();
        int minors = counted.stream().mapToInt(PeopleAffected::minors).sum();
        int unaccompanied = counted.stream().mapToInt(PeopleAffected::unaccompaniedMinors).sum();

        assertThat((double) minors / people).isBetween(0.40, 0.52);
        assertThat((double) unaccompanied / minors).isBetween(0.15, 0.25);
        assertThat(counted.stream().filter(p -> p.minors() > 0).count()).isLessThan(counted.size());
    }

    @Test
    void witnessesAreObviouslySyntheticAndSpeakSeveralLanguages() {
        List<WitnessAccount> witnesses = witnesses(DEFAULT);

        assertThat(witnesses).allMatch(w -> w.pseudonym().matches("Witness-\\d{4}"))
                .allMatch(w -> w.contact() == null || w.contact().endsWith("(fake)"));
        assertThat(submissions(DEFAULT).map(s -> s.circumstances().language()).distinct())
                .contains("ar", "fa-AF", "ps", "ur", "tr", "ku");
        assertThat(witnesses.stream().anyMatch(inScript(Character.UnicodeScript.ARABIC))).as("Arabic script").isTrue();
        assertThat(witnesses.stream().anyMatch(inScript(Character.UnicodeScript.BENGALI))).as("Bengali script").isTrue();
        assertThat(witnesses.stream().anyMatch(w -> w.narrative() != null && w.narrative().startsWith("Polis ")))
                .as("a Turkish narrative").isTrue();
        assertThat(witnesses.stream().anyMatch(w -> Boolean.TRUE.equals(w.unaccompaniedMinor())))
                .as("an unaccompanied minor").isTrue();
        assertThat(witnesses).filteredOn(w -> w.narrative() != null && !w.narrative().isBlank())
                .filteredOn(w -> w.narrative().codePoints().anyMatch(c -> c > 0x7f))
                .allMatch(w -> w.narrativeTranslation() != null);
    }

    @Test
    void severalOrganisationsAndPrincipalsActAndEveryCommandNamesItsSender() {
        Set<String> organisations = new HashSet<>();
        Set<String> principals = new HashSet<>();
        for (DemoStep step : DEFAULT) {
            organisations.add(step.actor().organisation());
            principals.add(step.actor().principal());
            assertThat(actorNamedIn(step.command())).isEqualTo(step.actor());
        }

        assertThat(organisations).contains("klikaktiv", "border-monitoring-network", "legal-aid-belgrade");
        assertThat(principals).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void datesLieIn2019To2023AndTestimoniesFollowTheirIncident() {
        assertThat(reported(DEFAULT).filter(facts -> facts.date() != null)).allMatch(facts ->
                facts.date().earliest().getYear() >= 2019 && facts.date().latest().getYear() <= 2023);
        Map<IncidentId, LocalDate> latest = new HashMap<>();
        submissions(DEFAULT).filter(s -> !s.existingIncident()).forEach(s ->
                latest.put(s.incidentId(), s.reportedFacts().date() == null ? null : s.reportedFacts().date().latest()));
        assertThat(submissions(DEFAULT).filter(s -> s.circumstances().recordedOn().getYear() > 2023)).isEmpty();
        assertThat(submissions(DEFAULT).filter(s -> latest.get(s.incidentId()) != null
                && s.circumstances().recordedOn().isBefore(latest.get(s.incidentId())))).isEmpty();
        // No witness tells of days still to come when they speak.
        assertThat(submissions(DEFAULT).filter(s -> s.reportedFacts() != null && s.reportedFacts().date() != null
                && s.reportedFacts().date().reachesBeyond(s.circumstances().recordedOn()))).isEmpty();
    }

    @Test
    void followUpChangesSomethingAndGivesReasons() {
        Map<IncidentId, IncidentFacts> reportedFacts = new HashMap<>();
        submissions(DEFAULT).filter(s -> !s.existingIncident())
                .forEach(s -> reportedFacts.put(s.incidentId(), s.reportedFacts()));
        List<CorrectIncidentFactsCommand> corrections = commands(DEFAULT, CorrectIncidentFactsCommand.class);

        assertThat(corrections).hasSizeGreaterThanOrEqualTo(5).allSatisfy(correction ->
                assertThat(correction.facts().differencesFrom(reportedFacts.get(correction.incidentId()))).isNotEmpty());
        assertThat(corrections).anyMatch(c -> c.facts().differencesFrom(reportedFacts.get(c.incidentId()))
                .contains("borderLegs"));
        assertThat(corrections).anyMatch(c -> c.facts().differencesFrom(reportedFacts.get(c.incidentId()))
                .contains("people"));
        assertThat(commands(DEFAULT, CorroborateIncidentCommand.class)).hasSizeGreaterThanOrEqualTo(5);
        assertThat(commands(DEFAULT, MergeIncidentsCommand.class)).hasSize(2)
                .allMatch(merge -> !merge.reason().isBlank());
        assertThat(commands(DEFAULT, RetractIncidentCommand.class)).hasSize(2)
                .allMatch(retraction -> !retraction.reason().isBlank());
    }

    @ParameterizedTest
    @ValueSource(longs = {DemoDataSet.DEFAULT_SEED, 1, 42, 20190101})
    void everyStepRefersOnlyToIncidentsThatAreThereAndActive(long seed) {
        assertLifecycleRespected(DemoDataSet.generate(seed, DemoDataSet.DEFAULT_TESTIMONIES));
    }

    /**
     * Walks the steps in order as the incident aggregate would: a new incident is new; anything else refers to an
     * incident created earlier and still active; a merge or retraction closes an incident for good.
     */
    private static void assertLifecycleRespected(List<DemoStep> steps) {
        Set<IncidentId> active = new HashSet<>();
        Set<IncidentId> closed = new HashSet<>();
        Set<TestimonyId> testimonies = new HashSet<>();
        for (DemoStep step : steps) {
            Object command = step.command();
            if (command instanceof SubmitTestimonyCommand submission) {
                assertThat(testimonies.add(submission.testimonyId())).as("testimony id is new").isTrue();
                if (submission.existingIncident()) {
                    assertThat(active).as("further testimony refers to an active incident created earlier")
                            .contains(submission.incidentId());
                } else {
                    assertThat(active).doesNotContain(submission.incidentId());
                    assertThat(closed).doesNotContain(submission.incidentId());
                    active.add(submission.incidentId());
                }
            } else if (command instanceof CorrectIncidentFactsCommand correction) {
                assertThat(active).contains(correction.incidentId());
            } else if (command instanceof CorroborateIncidentCommand corroboration) {
                assertThat(active).contains(corroboration.incidentId());
            } else if (command instanceof MergeIncidentsCommand merge) {
                assertThat(merge.duplicateId()).isNotEqualTo(merge.survivorId());
                assertThat(active).contains(merge.duplicateId(), merge.survivorId());
                active.remove(merge.duplicateId());
                closed.add(merge.duplicateId());
            } else if (command instanceof RetractIncidentCommand retraction) {
                assertThat(active).contains(retraction.incidentId());
                active.remove(retraction.incidentId());
                closed.add(retraction.incidentId());
            } else {
                throw new AssertionError("unexpected command " + command.getClass());
            }
        }
    }

    private static Actor actorNamedIn(Object command) {
        if (command instanceof SubmitTestimonyCommand c) {
            return c.recordedBy();
        }
        if (command instanceof CorrectIncidentFactsCommand c) {
            return c.correctedBy();
        }
        if (command instanceof CorroborateIncidentCommand c) {
            return c.corroboratedBy();
        }
        if (command instanceof MergeIncidentsCommand c) {
            return c.mergedBy();
        }
        if (command instanceof RetractIncidentCommand c) {
            return c.retractedBy();
        }
        throw new AssertionError("unexpected command " + command.getClass());
    }

    private static Predicate<WitnessAccount> inScript(Character.UnicodeScript script) {
        return w -> w.narrative() != null && w.narrative().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == script);
    }

    private static Predicate<IncidentFacts> frontex(FrontexRole role) {
        return facts -> facts.frontex() != null && facts.frontex().role() == role;
    }

    private static Predicate<IncidentFacts> foreignOfficersFrom(String country, BorderLeg leg) {
        return facts -> facts.borderLegs().equals(List.of(leg)) && facts.foreignOfficers().stream()
                .anyMatch(officer -> officer.authority().country().equals(CountryCode.of(country)));
    }

    private static boolean readmissionAfterDublin(IncidentFacts facts) {
        return facts.kind() == IncidentKind.READMISSION_DEPORTATION
                && facts.readmission().legalBasis() == LegalBasis.EU_SERBIA_READMISSION_AGREEMENT_2007
                && facts.readmission().sendingState().equals(CountryCode.of("RO"))
                && facts.readmission().receivingState().equals(CountryCode.of("RS"))
                && facts.readmission().priorDublinTransfer() != null
                && facts.readmission().priorDublinTransfer().toState().equals(CountryCode.of("RO"));
    }

    private static Stream<SubmitTestimonyCommand> submissions(List<DemoStep> steps) {
        return commands(steps, SubmitTestimonyCommand.class).stream();
    }

    /** The facts of every incident as first reported. */
    private static Stream<IncidentFacts> reported(List<DemoStep> steps) {
        return submissions(steps).filter(s -> !s.existingIncident()).map(SubmitTestimonyCommand::reportedFacts);
    }

    private static Set<IncidentId> incidentsCreated(List<DemoStep> steps) {
        Set<IncidentId> ids = new HashSet<>();
        submissions(steps).filter(s -> !s.existingIncident()).forEach(s -> ids.add(s.incidentId()));
        return ids;
    }

    private static List<WitnessAccount> witnesses(List<DemoStep> steps) {
        return submissions(steps).map(SubmitTestimonyCommand::witness).filter(Objects::nonNull).toList();
    }

    private static <T> List<T> commands(List<DemoStep> steps, Class<T> type) {
        return steps.stream().map(DemoStep::command).filter(type::isInstance).map(type::cast).toList();
    }
}
