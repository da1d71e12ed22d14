package eu.borderviolence.registry.core.api;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static eu.borderviolence.registry.core.Samples.chainPushbackAustriaToBosnia;
import static eu.borderviolence.registry.core.Samples.country;
import static eu.borderviolence.registry.core.Samples.dublinThenReadmission;
import static eu.borderviolence.registry.core.Samples.hungaryToSerbiaPushback;
import static eu.borderviolence.registry.core.Samples.policeRaidInSerbia;
import static eu.borderviolence.registry.core.Samples.readmissionRomaniaToSerbia;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What makes the facts of an incident consistent, kind by kind. */
class IncidentFactsTest {

    private static final IncidentDate JULY_14 = IncidentDate.exactDay(LocalDate.of(2023, 7, 14));
    private static final Place SUBOTICA = new Place(country("RS"), "Subotica", null, null);

    private static IncidentFacts facts(IncidentKind kind, Place place, List<BorderLeg> legs, PeopleAffected people,
                                       List<NationalityCount> nationalities, Readmission readmission) {
        return new IncidentFacts(kind, JULY_14, place, legs, people, nationalities, null, null, null, null, null,
                readmission);
    }

    private static NationalityCount count(String nationality, Integer count) {
        return new NationalityCount(country(nationality), count);
    }

    @Test
    void theSampleCasesAreConsistent() {
        assertThat(List.of(hungaryToSerbiaPushback(), chainPushbackAustriaToBosnia(), policeRaidInSerbia(),
                readmissionRomaniaToSerbia())).extracting(IncidentFacts::kind).containsExactly(
                IncidentKind.PUSHBACK, IncidentKind.PUSHBACK, IncidentKind.POLICE_VIOLENCE,
                IncidentKind.READMISSION_DEPORTATION);
    }

    @Test
    void onlyTheKindIsRequired() {
        IncidentFacts littleKnown = new IncidentFacts(IncidentKind.PUSHBACK, null, null, List.of(BorderLeg.of("HR", "BA")),
                null, null, null, null, null, null, null, null);

        assertThat(littleKnown.nationalities()).isEmpty();
        assertThat(littleKnown.authorities()).isEmpty();
        assertThat(littleKnown.violations()).isEmpty();
        assertThat(littleKnown.asylum()).isEqualTo(AsylumRequest.UNKNOWN);
        assertThat(littleKnown.confidence()).isEqualTo(ConfidenceStatus.UNKNOWN);
    }

    @Test
    void theKindIsRequired() {
        assertThatIllegalArgumentException().isThrownBy(() -> new IncidentFacts(null, JULY_14, SUBOTICA, null, null,
                null, null, null, null, null, null, null));
    }

    // pushbacks

    @Test
    void aPushbackNeedsABorderLeg() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> facts(IncidentKind.PUSHBACK, SUBOTICA, List.of(), null, null, null))
                .withMessageContaining("at least one border leg");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> facts(IncidentKind.PUSHBACK, SUBOTICA, null, null, null, null));
    }

    @Test
    void aChainPushbackFollowsAConnectedRoute() {
        IncidentFacts chain = chainPushbackAustriaToBosnia();

        assertThat(chain.isChainPushback()).isTrue();
        assertThat(hungaryToSerbiaPushback().isChainPushback()).isFalse();
        assertThat(chain.actingStates()).containsExactly(country("AT"), country("SI"), country("HR"));
    }

    @Test
    void theLegsOfAChainPushbackMustConnect() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IncidentFacts.pushback(JULY_14, BorderLeg.of("AT", "SI"), BorderLeg.of("HR", "BA")))
                .withMessageContaining("must connect");
    }

    @Test
    void theLegsOfAChainPushbackMustConnectInTheirOrder() {
        assertThatIllegalArgumentException().isThrownBy(() -> IncidentFacts.pushback(JULY_14,
                BorderLeg.of("SI", "HR"), BorderLeg.of("AT", "SI"), BorderLeg.of("HR", "BA")));
    }

    @Test
    void aPushbackHasNoReadmissionParticulars() {
        assertThatIllegalArgumentException().isThrownBy(() -> facts(IncidentKind.PUSHBACK, null,
                        List.of(BorderLeg.of("RO", "RS")), null, null, dublinThenReadmission()))
                .withMessageContaining("readmission deportations only");
    }

    @Test
    void refusesMoreThanTenLegs() {
        BorderLeg[] eleven = new BorderLeg[11];
        for (int i = 0; i < eleven.length; i++) {
            eleven[i] = i % 2 == 0 ? BorderLeg.of("RS", "HU") : BorderLeg.of("HU", "RS");
        }
        assertThatIllegalArgumentException().isThrownBy(() -> IncidentFacts.pushback(JULY_14, eleven));
        assertThat(IncidentFacts.pushback(JULY_14, Arrays.copyOf(eleven, 10)).borderLegs()).hasSize(10);
    }

    // police violence

    @Test
    void policeViolenceHappensInsideACountry() {
        assertThatIllegalArgumentException().isThrownBy(() -> facts(IncidentKind.POLICE_VIOLENCE, SUBOTICA,
                        List.of(BorderLeg.of("HU", "RS")), null, null, null))
                .withMessageContaining("no border legs");
    }

    @Test
    void policeViolenceNeedsTheCountryItHappenedIn() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> facts(IncidentKind.POLICE_VIOLENCE, null, null, null, null, null))
                .withMessageContaining("needs the country");
        assertThatIllegalArgumentException().isThrownBy(() -> facts(IncidentKind.POLICE_VIOLENCE,
                new Place(null, "Subotica", null, null), null, null, null, null));
    }

    @Test
    void theActingStateOfPoliceViolenceIsTheCountryItHappenedIn() {
        assertThat(policeRaidInSerbia().actingStates()).containsExactly(country("RS"));
    }

    @Test
    void policeViolenceHasNoReadmissionParticulars() {
        assertThatIllegalArgumentException().isThrownBy(() -> facts(IncidentKind.POLICE_VIOLENCE, SUBOTICA, null,
                null, null, dublinThenReadmission()));
    }

    // readmissions

    @Test
    void aReadmissionDeportationNeedsItsParticulars() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> facts(IncidentKind.READMISSION_DEPORTATION, null, null, null, null, null))
                .withMessageContaining("readmission particulars");
    }

    @Test
    void aReadmissionDeportationsRouteIsItsSendingAndReceivingState() {
        assertThatIllegalArgumentException().isThrownBy(() -> facts(IncidentKind.READMISSION_DEPORTATION, null,
                List.of(BorderLeg.of("RO", "RS")), null, null, dublinThenReadmission()));
        assertThat(readmissionRomaniaToSerbia().actingStates()).containsExactly(country("RO"));
    }

    // people and nationalities

    @Test
    void nationalityCountsMayAddUpToTheGroupSize() {
        IncidentFacts facts = facts(IncidentKind.PUSHBACK, null, List.of(BorderLeg.of("HU", "RS")),
                PeopleAffected.group(12), List.of(count("AF", 8), count("SY", 4)), null);

        assertThat(facts.nationalities()).hasSize(2);
    }

    @Test
    void nationalityCountsMustNotAddUpToMoreThanTheGroupSize() {
        assertThatIllegalArgumentException().isThrownBy(() -> facts(IncidentKind.PUSHBACK, null,
                        List.of(BorderLeg.of("HU", "RS")), PeopleAffected.group(12),
                        List.of(count("AF", 8), count("SY", 5)), null))
                .withMessageContaining("group size");
    }

    @Test
    void nationalitiesWithoutCountsOrWithoutAGroupSizeAreNotAdded() {
        IncidentFacts withoutCounts = facts(IncidentKind.PUSHBACK, null, List.of(BorderLeg.of("HU", "RS")),
                PeopleAffected.group(2), List.of(count("AF", null), count("SY", null), count("IQ", null)), null);
        IncidentFacts withoutGroupSize = facts(IncidentKind.PUSHBACK, null, List.of(BorderLeg.of("HU", "RS")),
                new PeopleAffected(null, 3, null, null, null, null, null), List.of(count("AF", 40)), null);

        assertThat(withoutCounts.nationalities()).hasSize(3);
        assertThat(withoutGroupSize.nationalities()).hasSize(1);
    }

    @Test
    void eachNationalityAppearsOnce() {
        assertThatIllegalArgumentException().isThrownBy(() -> facts(IncidentKind.PUSHBACK, null,
                        List.of(BorderLeg.of("HU", "RS")), null, List.of(count("AF", 3), count("AF", 2)), null))
                .withMessageContaining("each nationality");
    }

    @Test
    void eachAuthorityAppearsOnce() {
        Authority hungarianPolice = Authority.of("HU", AgencyType.BORDER_POLICE);
        assertThatIllegalArgumentException().isThrownBy(() -> new IncidentFacts(IncidentKind.PUSHBACK, JULY_14,
                        null, List.of(BorderLeg.of("HU", "RS")), null, null,
                        List.of(AuthorityInvolvement.of(hungarianPolice, AuthorityRole.APPREHENDED),
                                AuthorityInvolvement.of(hungarianPolice, AuthorityRole.EXPELLED)),
                        null, null, null, null, null))
                .withMessageContaining("each authority");
    }

    @Test
    void refusesEmptyEntriesInItsLists() {
        assertThatIllegalArgumentException().isThrownBy(() -> facts(IncidentKind.PUSHBACK, null,
                Arrays.asList(BorderLeg.of("HU", "RS"), null), null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new IncidentFacts(IncidentKind.PUSHBACK, JULY_14,
                null, List.of(BorderLeg.of("HU", "RS")), null, null, null, null,
                new HashSet<>(Arrays.asList(ViolationCode.BEATING, null)), null, null, null));
    }

    // foreign officers

    @Test
    void officersOfAStateThatDidNotExpelAreForeignOfficers() {
        IncidentFacts facts = hungaryToSerbiaPushback();
        AuthorityInvolvement austrianPolice = AuthorityInvolvement.of(Authority.of("AT", AgencyType.REGULAR_POLICE),
                AuthorityRole.APPREHENDED);
        IncidentFacts jointOperation = withSecondAuthority(facts, austrianPolice);

        assertThat(facts.foreignOfficers()).isEmpty();
        assertThat(jointOperation.foreignOfficers()).containsExactly(austrianPolice);
    }

    @Test
    void theReceivingStatesPoliceAreNotForeignOfficers() {
        IncidentFacts facts = hungaryToSerbiaPushback();
        AuthorityInvolvement serbianPolice = AuthorityInvolvement.of(Authority.of("RS", AgencyType.REGULAR_POLICE),
                AuthorityRole.APPREHENDED);
        IncidentFacts handedOver = withSecondAuthority(facts, serbianPolice);

        assertThat(handedOver.receivingStates()).containsExactly(CountryCode.of("RS"));
        assertThat(handedOver.foreignOfficers()).isEmpty();
    }

    private static IncidentFacts withSecondAuthority(IncidentFacts facts, AuthorityInvolvement second) {
        return new IncidentFacts(facts.kind(), facts.date(), facts.place(), facts.borderLegs(), facts.people(),
                facts.nationalities(), List.of(facts.authorities().get(0), second), facts.frontex(),
                facts.violations(), facts.asylum(), facts.confidence(), facts.readmission());
    }

    // corrections

    @Test
    void namesTheFactsThatDifferInDeclarationOrder() {
        IncidentFacts reported = hungaryToSerbiaPushback();
        IncidentFacts corrected = new IncidentFacts(reported.kind(), IncidentDate.exactDay(LocalDate.of(2023, 7, 15)),
                reported.place(), reported.borderLegs(), reported.people(), reported.nationalities(),
                reported.authorities(), null, reported.violations(), AsylumRequest.ASKED_AND_REFUSED,
                reported.confidence(), reported.readmission());

        assertThat(corrected.differencesFrom(reported)).containsExactly("date", "frontex", "asylum");
        assertThat(reported.differencesFrom(hungaryToSerbiaPushback())).isEmpty();
        assertThat(policeRaidInSerbia().differencesFrom(reported)).startsWith("kind", "date", "place", "borderLegs");
    }

    @Test
    void theOrderOfNationalitiesAndAuthoritiesIsNoDifference() {
        IncidentFacts chain = chainPushbackAustriaToBosnia();
        IncidentFacts reordered = new IncidentFacts(chain.kind(), chain.date(), chain.place(), chain.borderLegs(),
                chain.people(), List.of(chain.nationalities().get(1), chain.nationalities().get(0)),
                List.of(chain.authorities().get(2), chain.authorities().get(0), chain.authorities().get(1)),
                chain.frontex(), Set.copyOf(chain.violations()), chain.asylum(), chain.confidence(), null);

        assertThat(reordered.differencesFrom(chain)).isEmpty();
    }

    @Test
    void theOrderOfBorderLegsIsTheRoute() {
        IncidentFacts hungaryFirst = IncidentFacts.pushback(JULY_14, BorderLeg.of("HU", "RS"), BorderLeg.of("RS", "MK"));
        IncidentFacts other = IncidentFacts.pushback(JULY_14, BorderLeg.of("HU", "RS"), BorderLeg.of("RS", "BG"));

        assertThat(other.differencesFrom(hungaryFirst)).containsExactly("borderLegs");
    }

    @Test
    void aNewConfidenceChangesNothingElse() {
        IncidentFacts confirmed = hungaryToSerbiaPushback().withConfidence(ConfidenceStatus.CONFIRMED);

        assertThat(confirmed.differencesFrom(hungaryToSerbiaPushback())).containsExactly("confidence");
    }
}
