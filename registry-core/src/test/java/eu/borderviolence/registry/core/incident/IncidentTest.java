package eu.borderviolence.registry.core.incident;

import eu.borderviolence.registry.core.api.AbsorbDuplicateIncidentCommand;
import eu.borderviolence.registry.core.api.AlreadyRecordedException;
import eu.borderviolence.registry.core.api.AttachTestimonyCommand;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.CorrectIncidentFactsCommand;
import eu.borderviolence.registry.core.api.CorroborationSource;
import eu.borderviolence.registry.core.api.CorroborateIncidentCommand;
import eu.borderviolence.registry.core.api.DuplicateIncidentAbsorbedEvent;
import eu.borderviolence.registry.core.api.IncidentCorroboratedEvent;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentFactsCorrectedEvent;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentMergedEvent;
import eu.borderviolence.registry.core.api.IncidentReportedEvent;
import eu.borderviolence.registry.core.api.IncidentRetractedEvent;
import eu.borderviolence.registry.core.api.MarkIncidentMergedCommand;
import eu.borderviolence.registry.core.api.NationalityCount;
import eu.borderviolence.registry.core.api.PeopleAffected;
import eu.borderviolence.registry.core.api.RefusedException;
import eu.borderviolence.registry.core.api.ReportIncidentCommand;
import eu.borderviolence.registry.core.api.RetractIncidentCommand;
import eu.borderviolence.registry.core.api.TestimonyAttachedEvent;
import eu.borderviolence.registry.core.api.TestimonyId;
import eu.borderviolence.registry.core.api.ViolationCode;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static eu.borderviolence.registry.core.Samples.LAWYER;
import static eu.borderviolence.registry.core.Samples.MONITOR;
import static eu.borderviolence.registry.core.Samples.hungaryToSerbiaPushback;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * The incident's decisions. In the fixture an incident's version is the sequence number of its last given event, so
 * an incident given as reported only is at version 0.
 */
class IncidentTest {

    private static final IncidentId INCIDENT = IncidentId.derivedFrom("horgos-2023-07-14");
    private static final IncidentId SURVIVOR = IncidentId.derivedFrom("horgos-2023-07-14-second-report");
    private static final IncidentId DUPLICATE = IncidentId.derivedFrom("horgos-2023-07-14-third-report");
    private static final TestimonyId FIRST_TESTIMONY = TestimonyId.derivedFrom("ak-2023-07-16");
    private static final TestimonyId SECOND_TESTIMONY = TestimonyId.derivedFrom("mr-2023-07-17");
    private static final String MERGE_REASON = "same group, same night, same fence section";

    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    private static IncidentReportedEvent reported() {
        return new IncidentReportedEvent(INCIDENT, hungaryToSerbiaPushback(), MONITOR);
    }

    private static TestimonyAttachedEvent attached(TestimonyId testimony) {
        return new TestimonyAttachedEvent(INCIDENT, testimony, MONITOR);
    }

    private static IncidentRetractedEvent retracted() {
        return new IncidentRetractedEvent(INCIDENT, "the witness described a different border", LAWYER);
    }

    private static IncidentMergedEvent mergedIntoSurvivor() {
        return new IncidentMergedEvent(INCIDENT, SURVIVOR, MERGE_REASON, LAWYER);
    }

    /** The Hungarian pushback recounted: fourteen people, four minors, and a baton used as well. */
    private static IncidentFacts recounted() {
        IncidentFacts facts = hungaryToSerbiaPushback();
        EnumSet<ViolationCode> violations = EnumSet.copyOf(facts.violations());
        violations.add(ViolationCode.BATON_BLOWS);
        return new IncidentFacts(facts.kind(), facts.date(), facts.place(), facts.borderLegs(),
                new PeopleAffected(14, 4, 1, null, 0, null, null), facts.nationalities(), facts.authorities(),
                facts.frontex(), violations, facts.asylum(), facts.confidence(), facts.readmission());
    }

    private static CorrectIncidentFactsCommand correction(Long expectedVersion) {
        return new CorrectIncidentFactsCommand(INCIDENT, expectedVersion, recounted(),
                "the witness recounted the group", LAWYER);
    }

    private static CorroborateIncidentCommand corroboration(Long expectedVersion, ConfidenceStatus confidence) {
        return new CorroborateIncidentCommand(INCIDENT, expectedVersion,
                CorroborationSource.MEDICAL_REPORT, "MSF-SUB-0000/2023",
                confidence, LAWYER);
    }

    private static RetractIncidentCommand retraction(Long expectedVersion) {
        return new RetractIncidentCommand(INCIDENT, expectedVersion, "reported twice by mistake", LAWYER);
    }

    private static MarkIncidentMergedCommand markMerged(IncidentId survivor) {
        return new MarkIncidentMergedCommand(INCIDENT, survivor, MERGE_REASON, LAWYER);
    }

    private static AbsorbDuplicateIncidentCommand absorb(IncidentId duplicate, List<TestimonyId> testimonies) {
        return new AbsorbDuplicateIncidentCommand(INCIDENT, duplicate, testimonies, MERGE_REASON, LAWYER);
    }

    // report

    @Test
    void reportsAnIncidentWithTheFactsKnownAtTheTime() {
        fixture.givenNoPriorActivity()
                .when(new ReportIncidentCommand(INCIDENT, hungaryToSerbiaPushback(), MONITOR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(reported());
    }

    @Test
    void anIncidentThatWasNeverReportedCannotBeChanged() {
        fixture.givenNoPriorActivity()
                .when(new AttachTestimonyCommand(INCIDENT, FIRST_TESTIMONY, MONITOR))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    // attach testimony

    @Test
    void attachesATestimony() {
        fixture.given(reported())
                .when(new AttachTestimonyCommand(INCIDENT, FIRST_TESTIMONY, MONITOR))
                .expectEvents(attached(FIRST_TESTIMONY));
    }

    @Test
    void attachesASecondWitnessToTheSameIncident() {
        fixture.given(reported(), attached(FIRST_TESTIMONY))
                .when(new AttachTestimonyCommand(INCIDENT, SECOND_TESTIMONY, MONITOR))
                .expectEvents(attached(SECOND_TESTIMONY));
    }

    @Test
    void refusesATestimonyAttachedTwice() {
        fixture.given(reported(), attached(FIRST_TESTIMONY))
                .when(new AttachTestimonyCommand(INCIDENT, FIRST_TESTIMONY, MONITOR))
                .expectException(AlreadyRecordedException.class)
                .expectNoEvents();
    }

    @Test
    void aTestimonyTakenOverFromADuplicateIsAlreadyAttached() {
        fixture.given(reported(),
                        new DuplicateIncidentAbsorbedEvent(INCIDENT, DUPLICATE, List.of(FIRST_TESTIMONY), MERGE_REASON,
                                LAWYER))
                .when(new AttachTestimonyCommand(INCIDENT, FIRST_TESTIMONY, MONITOR))
                .expectException(AlreadyRecordedException.class)
                .expectNoEvents();
    }

    @Test
    void cannotAttachATestimonyToARetractedIncident() {
        fixture.given(reported(), retracted())
                .when(new AttachTestimonyCommand(INCIDENT, FIRST_TESTIMONY, MONITOR))
                .expectException(RefusedException.class)
                .expectExceptionMessage(allOf(containsString("retracted"), containsString("attach a testimony to")))
                .expectNoEvents();
    }

    @Test
    void cannotAttachATestimonyToAMergedIncident() {
        fixture.given(reported(), mergedIntoSurvivor())
                .when(new AttachTestimonyCommand(INCIDENT, FIRST_TESTIMONY, MONITOR))
                .expectException(RefusedException.class)
                .expectExceptionMessage(containsString("use incident " + SURVIVOR))
                .expectNoEvents();
    }

    // correct facts

    @Test
    void correctsTheFactsAndNamesTheFieldsThatChanged() {
        fixture.given(reported())
                .when(correction(0L))
                .expectEvents(new IncidentFactsCorrectedEvent(INCIDENT, recounted(), List.of("people", "violations"),
                        "the witness recounted the group", LAWYER))
                .expectResultMessagePayload(1L);
    }

    @Test
    void correctsTheFactsWithoutAnExpectedVersion() {
        fixture.given(reported(), attached(FIRST_TESTIMONY))
                .when(correction(null))
                .expectEvents(new IncidentFactsCorrectedEvent(INCIDENT, recounted(), List.of("people", "violations"),
                        "the witness recounted the group", LAWYER))
                .expectResultMessagePayload(2L);
    }

    @Test
    void correctsFactsThatWereCorrectedBefore() {
        IncidentFacts original = hungaryToSerbiaPushback();
        fixture.given(reported(), new IncidentFactsCorrectedEvent(INCIDENT, recounted(), List.of("people", "violations"),
                        "the witness recounted the group", LAWYER))
                .when(new CorrectIncidentFactsCommand(INCIDENT, 1L, original, "the second witness was right", LAWYER))
                .expectEvents(new IncidentFactsCorrectedEvent(INCIDENT, original, List.of("people", "violations"),
                        "the second witness was right", LAWYER));
    }

    @Test
    void refusesACorrectionThatChangesNothing() {
        fixture.given(reported())
                .when(new CorrectIncidentFactsCommand(INCIDENT, 0L, hungaryToSerbiaPushback(), "typo", LAWYER))
                .expectException(RefusedException.class)
                .expectExceptionMessage(containsString("changes nothing"))
                .expectNoEvents();
    }

    @Test
    void aReorderedListOfNationalitiesIsNoCorrection() {
        IncidentFacts facts = hungaryToSerbiaPushback();
        List<NationalityCount> reversed = List.of(facts.nationalities().get(1), facts.nationalities().get(0));
        IncidentFacts reordered = new IncidentFacts(facts.kind(), facts.date(), facts.place(), facts.borderLegs(),
                facts.people(), reversed, facts.authorities(), facts.frontex(), facts.violations(), facts.asylum(),
                facts.confidence(), facts.readmission());
        fixture.given(reported())
                .when(new CorrectIncidentFactsCommand(INCIDENT, 0L, reordered, "sorted by count", LAWYER))
                .expectException(RefusedException.class)
                .expectNoEvents();
    }

    @Test
    void cannotCorrectARetractedIncident() {
        fixture.given(reported(), retracted())
                .when(correction(1L))
                .expectException(RefusedException.class)
                .expectExceptionMessage(allOf(containsString("retracted"), containsString("correct")))
                .expectNoEvents();
    }

    @Test
    void cannotCorrectAMergedIncidentAndIsToldWhereItWentTo() {
        fixture.given(reported(), mergedIntoSurvivor())
                .when(correction(1L))
                .expectException(RefusedException.class)
                .expectExceptionMessage(allOf(containsString("merged into incident " + SURVIVOR),
                        containsString("use incident " + SURVIVOR)))
                .expectNoEvents();
    }

    @Test
    void refusesACorrectionBasedOnAnOlderVersion() {
        fixture.given(reported(), attached(FIRST_TESTIMONY))
                .when(correction(0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void refusesACorrectionBasedOnAVersionThatDoesNotExist() {
        fixture.given(reported())
                .when(correction(3L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    // corroborate

    @Test
    void corroboratesAndRaisesTheConfidence() {
        fixture.given(reported())
                .when(corroboration(0L, ConfidenceStatus.CONFIRMED))
                .expectEvents(new IncidentCorroboratedEvent(INCIDENT,
                        CorroborationSource.MEDICAL_REPORT, "MSF-SUB-0000/2023",
                        ConfidenceStatus.CONFIRMED, LAWYER))
                .expectResultMessagePayload(1L);
    }

    @Test
    void corroborationWithoutANewConfidenceKeepsTheCurrentOne() {
        fixture.given(reported())
                .when(corroboration(null, null))
                .expectEvents(new IncidentCorroboratedEvent(INCIDENT,
                        CorroborationSource.MEDICAL_REPORT, "MSF-SUB-0000/2023",
                        ConfidenceStatus.LIKELY, LAWYER));
    }

    @Test
    void corroborationWithoutANewConfidenceKeepsTheConfidenceAnEarlierCorroborationGave() {
        fixture.given(reported(), new IncidentCorroboratedEvent(INCIDENT,
                        CorroborationSource.PHOTO_OR_VIDEO, null,
                        ConfidenceStatus.CONFIRMED, LAWYER))
                .when(corroboration(1L, null))
                .expectEvents(new IncidentCorroboratedEvent(INCIDENT,
                        CorroborationSource.MEDICAL_REPORT, "MSF-SUB-0000/2023",
                        ConfidenceStatus.CONFIRMED, LAWYER));
    }

    @Test
    void aCorrectionAfterACorroborationSeesTheCorroboratedConfidence() {
        // The corroboration raised the confidence to CONFIRMED, so going back to the facts as reported (LIKELY)
        // changes the confidence and nothing else.
        fixture.given(reported(), new IncidentCorroboratedEvent(INCIDENT,
                        CorroborationSource.PHOTO_OR_VIDEO, null,
                        ConfidenceStatus.CONFIRMED, LAWYER))
                .when(new CorrectIncidentFactsCommand(INCIDENT, 1L, hungaryToSerbiaPushback(),
                        "the video shows another night", LAWYER))
                .expectEvents(new IncidentFactsCorrectedEvent(INCIDENT, hungaryToSerbiaPushback(),
                        List.of("confidence"), "the video shows another night", LAWYER));
    }

    @Test
    void cannotCorroborateARetractedIncident() {
        fixture.given(reported(), retracted())
                .when(corroboration(null, ConfidenceStatus.CONFIRMED))
                .expectException(RefusedException.class)
                .expectExceptionMessage(containsString("you cannot corroborate it"))
                .expectNoEvents();
    }

    @Test
    void cannotCorroborateAMergedIncident() {
        fixture.given(reported(), mergedIntoSurvivor())
                .when(corroboration(null, ConfidenceStatus.CONFIRMED))
                .expectException(RefusedException.class)
                .expectExceptionMessage(containsString("use incident " + SURVIVOR))
                .expectNoEvents();
    }

    @Test
    void refusesACorroborationBasedOnAnOlderVersion() {
        fixture.given(reported(), attached(FIRST_TESTIMONY))
                .when(corroboration(0L, ConfidenceStatus.CONFIRMED))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    // the duplicate's half of a merge

    @Test
    void marksAnIncidentMergedAndHandsOverAllItsTestimonies() {
        fixture.given(reported(), attached(FIRST_TESTIMONY),
                        new DuplicateIncidentAbsorbedEvent(INCIDENT, DUPLICATE, List.of(SECOND_TESTIMONY), MERGE_REASON,
                                LAWYER))
                .when(markMerged(SURVIVOR))
                .expectEvents(mergedIntoSurvivor())
                .expectResultMessagePayload(List.of(FIRST_TESTIMONY, SECOND_TESTIMONY));
    }

    @Test
    void anIncidentWithoutTestimoniesHandsOverNone() {
        fixture.given(reported())
                .when(markMerged(SURVIVOR))
                .expectEvents(mergedIntoSurvivor())
                .expectResultMessagePayload(List.of());
    }

    @Test
    void cannotMergeAnIncidentIntoItself() {
        fixture.given(reported())
                .when(markMerged(INCIDENT))
                .expectException(RefusedException.class)
                .expectExceptionMessage(containsString("into itself"))
                .expectNoEvents();
    }

    @Test
    void cannotMergeAnIncidentThatWasMergedAlready() {
        IncidentId another = IncidentId.derivedFrom("horgos-2023-07-14-fourth-report");
        fixture.given(reported(), mergedIntoSurvivor())
                .when(markMerged(another))
                .expectException(RefusedException.class)
                .expectExceptionMessage(allOf(containsString("use incident " + SURVIVOR),
                        not(containsString(another.toString()))))
                .expectNoEvents();
    }

    @Test
    void cannotMergeARetractedIncident() {
        fixture.given(reported(), retracted())
                .when(markMerged(SURVIVOR))
                .expectException(RefusedException.class)
                .expectExceptionMessage(containsString("retracted"))
                .expectNoEvents();
    }

    // the survivor's half of a merge

    @Test
    void absorbsADuplicateAndItsTestimonies() {
        fixture.given(reported(), attached(FIRST_TESTIMONY))
                .when(absorb(DUPLICATE, List.of(SECOND_TESTIMONY)))
                .expectEvents(new DuplicateIncidentAbsorbedEvent(INCIDENT, DUPLICATE, List.of(SECOND_TESTIMONY),
                        MERGE_REASON, LAWYER));
    }

    @Test
    void cannotAbsorbItself() {
        fixture.given(reported())
                .when(absorb(INCIDENT, List.of()))
                .expectException(RefusedException.class)
                .expectExceptionMessage(containsString("into itself"))
                .expectNoEvents();
    }

    @Test
    void aRetractedIncidentCannotAbsorbADuplicate() {
        fixture.given(reported(), retracted())
                .when(absorb(DUPLICATE, List.of(SECOND_TESTIMONY)))
                .expectException(RefusedException.class)
                .expectExceptionMessage(containsString("retracted"))
                .expectNoEvents();
    }

    @Test
    void aMergedIncidentCannotAbsorbADuplicate() {
        fixture.given(reported(), mergedIntoSurvivor())
                .when(absorb(DUPLICATE, List.of(SECOND_TESTIMONY)))
                .expectException(RefusedException.class)
                .expectExceptionMessage(containsString("use incident " + SURVIVOR))
                .expectNoEvents();
    }

    // retract

    @Test
    void retractsAnIncident() {
        fixture.given(reported(), attached(FIRST_TESTIMONY))
                .when(retraction(1L))
                .expectEvents(new IncidentRetractedEvent(INCIDENT, "reported twice by mistake", LAWYER))
                .expectResultMessagePayload(2L);
    }

    @Test
    void cannotRetractAnIncidentTwice() {
        fixture.given(reported(), retracted())
                .when(retraction(null))
                .expectException(RefusedException.class)
                .expectExceptionMessage(containsString("you cannot retract it"))
                .expectNoEvents();
    }

    @Test
    void cannotRetractAMergedIncident() {
        fixture.given(reported(), mergedIntoSurvivor())
                .when(retraction(null))
                .expectException(RefusedException.class)
                .expectExceptionMessage(containsString("use incident " + SURVIVOR))
                .expectNoEvents();
    }

    @Test
    void refusesARetractionBasedOnAnOlderVersion() {
        fixture.given(reported(), attached(FIRST_TESTIMONY))
                .when(retraction(0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }
}
