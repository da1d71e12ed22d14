package eu.borderviolence.registry.core;

import eu.borderviolence.registry.core.api.Actor;
import eu.borderviolence.registry.core.api.AgeBand;
import eu.borderviolence.registry.core.api.AgencyType;
import eu.borderviolence.registry.core.api.AsylumRequest;
import eu.borderviolence.registry.core.api.Authority;
import eu.borderviolence.registry.core.api.AuthorityInvolvement;
import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.Consent;
import eu.borderviolence.registry.core.api.Coordinates;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.DublinTransfer;
import eu.borderviolence.registry.core.api.FrontexPresence;
import eu.borderviolence.registry.core.api.FrontexRole;
import eu.borderviolence.registry.core.api.Gender;
import eu.borderviolence.registry.core.api.IncidentDate;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.LegalBasis;
import eu.borderviolence.registry.core.api.NationalityCount;
import eu.borderviolence.registry.core.api.PeopleAffected;
import eu.borderviolence.registry.core.api.Place;
import eu.borderviolence.registry.core.api.Readmission;
import eu.borderviolence.registry.core.api.Recognition;
import eu.borderviolence.registry.core.api.TestimonyCircumstances;
import eu.borderviolence.registry.core.api.TimeOfDay;
import eu.borderviolence.registry.core.api.WitnessAccount;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static eu.borderviolence.registry.core.api.AuthorityRole.APPREHENDED;
import static eu.borderviolence.registry.core.api.AuthorityRole.DETAINED;
import static eu.borderviolence.registry.core.api.AuthorityRole.EXPELLED;
import static eu.borderviolence.registry.core.api.AuthorityRole.RECEIVED;
import static eu.borderviolence.registry.core.api.AuthorityRole.TRANSPORTED;
import static eu.borderviolence.registry.core.api.AuthorityRole.USED_VIOLENCE;
import static eu.borderviolence.registry.core.api.ViolationCode.BATON_BLOWS;
import static eu.borderviolence.registry.core.api.ViolationCode.BEATING;
import static eu.borderviolence.registry.core.api.ViolationCode.BURNING_OF_BELONGINGS;
import static eu.borderviolence.registry.core.api.ViolationCode.DENIAL_OF_ASYLUM_REQUEST;
import static eu.borderviolence.registry.core.api.ViolationCode.DESTRUCTION_OF_BELONGINGS;
import static eu.borderviolence.registry.core.api.ViolationCode.DESTRUCTION_OF_PHONES;
import static eu.borderviolence.registry.core.api.ViolationCode.DOG_ATTACK;
import static eu.borderviolence.registry.core.api.ViolationCode.FORCED_SIGNATURE;
import static eu.borderviolence.registry.core.api.ViolationCode.FORCED_TRANSFER;
import static eu.borderviolence.registry.core.api.ViolationCode.NO_INTERPRETER;
import static eu.borderviolence.registry.core.api.ViolationCode.THEFT_OF_MONEY;
import static eu.borderviolence.registry.core.api.ViolationCode.THEFT_OF_PHONES;

/**
 * Synthetic cases shaped like those in the field reports (domain/BRIEF.md). No real person, place of a real squat or
 * real document number is in here.
 */
public final class Samples {

    public static final Actor MONITOR = new Actor("monitor-17", "klikaktiv");
    public static final Actor LAWYER = new Actor("lawyer-3", "klikaktiv");

    /** The Pashto account of {@link #pashtoWitness()}; tests look for it where it must never appear. */
    public static final String PASHTO_NARRATIVE =
            "د شپې پولیسو موږ ونیولو، ووهلو او زموږ تلیفونونه یې مات کړل. بیا یې موږ بېرته صربیا ته واستولو.";
    public static final String NARRATIVE_TRANSLATION =
            "At night the police caught us, beat us and broke our phones. Then they sent us back to Serbia.";
    public static final String WITNESS_PSEUDONYM = "A.K.";
    public static final String WITNESS_CONTACT = "+381 60 000 0017";

    private Samples() {
    }

    public static CountryCode country(String code) {
        return CountryCode.of(code);
    }

    /**
     * Hungary → Serbia at the Röszke–Horgoš fence on the night of 14 July 2023: twelve people, three of them minors,
     * beaten and bitten by a police dog, phones destroyed, an asylum request ignored; Frontex observing.
     */
    public static IncidentFacts hungaryToSerbiaPushback() {
        return new IncidentFacts(IncidentKind.PUSHBACK,
                IncidentDate.exactDay(LocalDate.of(2023, 7, 14)).at(TimeOfDay.NIGHT),
                new Place(country("HU"), "Röszke", "Röszke–Horgoš fence", new Coordinates(46.1860, 20.0340)),
                List.of(BorderLeg.of("HU", "RS")),
                new PeopleAffected(12, 3, 1, null, 0, null, null),
                List.of(new NationalityCount(country("AF"), 8), new NationalityCount(country("SY"), 4)),
                List.of(AuthorityInvolvement.of(
                        new Authority(country("HU"), AgencyType.BORDER_POLICE, "Rendőrség", "Készenléti Rendőrség"),
                        APPREHENDED, USED_VIOLENCE, EXPELLED)),
                new FrontexPresence(FrontexRole.OBSERVING, Set.of(Recognition.ARMBAND), country("HU")),
                Set.of(BEATING, DOG_ATTACK, DESTRUCTION_OF_PHONES, DENIAL_OF_ASYLUM_REQUEST),
                AsylumRequest.ASKED_AND_IGNORED,
                ConfidenceStatus.LIKELY,
                null);
    }

    /**
     * A chain pushback at the end of March 2023: apprehended in Austria, handed over to Slovenia and Croatia, and
     * forced into Bosnia and Herzegovina near Velika Kladuša, money taken and belongings burnt.
     */
    public static IncidentFacts chainPushbackAustriaToBosnia() {
        return new IncidentFacts(IncidentKind.PUSHBACK,
                IncidentDate.between(LocalDate.of(2023, 3, 20), LocalDate.of(2023, 3, 31)),
                new Place(country("BA"), "Velika Kladuša", null, null),
                List.of(BorderLeg.of("AT", "SI"), BorderLeg.of("SI", "HR"), BorderLeg.of("HR", "BA")),
                PeopleAffected.group(5),
                List.of(new NationalityCount(country("AF"), 3), new NationalityCount(country("PK"), 2)),
                List.of(AuthorityInvolvement.of(Authority.of("AT", AgencyType.REGULAR_POLICE), APPREHENDED, TRANSPORTED),
                        AuthorityInvolvement.of(Authority.of("SI", AgencyType.REGULAR_POLICE), DETAINED, EXPELLED),
                        AuthorityInvolvement.of(Authority.of("HR", AgencyType.BORDER_POLICE), USED_VIOLENCE, EXPELLED)),
                null,
                Set.of(THEFT_OF_MONEY, BURNING_OF_BELONGINGS, DENIAL_OF_ASYLUM_REQUEST),
                AsylumRequest.ASKED_AND_REFUSED,
                ConfidenceStatus.POSSIBLE,
                null);
    }

    /** A raid by Serbian gendarmerie on an informal settlement near Subotica in November 2022. */
    public static IncidentFacts policeRaidInSerbia() {
        return new IncidentFacts(IncidentKind.POLICE_VIOLENCE,
                IncidentDate.inMonth(YearMonth.of(2022, 11)).at(TimeOfDay.MORNING),
                new Place(country("RS"), "Subotica", null, new Coordinates(46.1003, 19.6658)),
                List.of(),
                new PeopleAffected(30, 6, 2, 1, null, null, null),
                List.of(new NationalityCount(country("AF"), 20), new NationalityCount(country("MA"), null)),
                List.of(AuthorityInvolvement.of(
                        new Authority(country("RS"), AgencyType.GENDARMERIE, "Žandarmerija", null),
                        USED_VIOLENCE, DETAINED, TRANSPORTED)),
                null,
                Set.of(BEATING, BATON_BLOWS, THEFT_OF_PHONES, DESTRUCTION_OF_BELONGINGS, FORCED_TRANSFER),
                AsylumRequest.NOT_ASKED,
                ConfidenceStatus.CONFIRMED,
                null);
    }

    /**
     * A readmission from Romania to Serbia under the EU–Serbia agreement, two weeks after a Dublin transfer from
     * Austria to Romania (shaped like case "S.A.").
     */
    public static IncidentFacts readmissionRomaniaToSerbia() {
        return new IncidentFacts(IncidentKind.READMISSION_DEPORTATION,
                IncidentDate.exactDay(LocalDate.of(2021, 2, 11)),
                new Place(country("RO"), "Jimbolia", "Jimbolia–Srpska Crnja crossing", null),
                List.of(),
                PeopleAffected.group(1),
                List.of(new NationalityCount(country("AF"), 1)),
                List.of(AuthorityInvolvement.of(Authority.of("RO", AgencyType.BORDER_POLICE), DETAINED, EXPELLED),
                        AuthorityInvolvement.of(Authority.of("RS", AgencyType.BORDER_POLICE), RECEIVED)),
                null,
                Set.of(DENIAL_OF_ASYLUM_REQUEST, NO_INTERPRETER, FORCED_SIGNATURE),
                AsylumRequest.ASKED_AND_REFUSED,
                ConfidenceStatus.CONFIRMED,
                dublinThenReadmission());
    }

    public static Readmission dublinThenReadmission() {
        return new Readmission(LegalBasis.EU_SERBIA_READMISSION_AGREEMENT_2007, country("RO"), country("RS"),
                new DublinTransfer(country("AT"), country("RO"), LocalDate.of(2021, 1, 28)),
                List.of("RO-READM-0000/2021"));
    }

    /** Recorded two days after the Hungarian pushback, in Subotica, in Pashto with an interpreter. */
    public static TestimonyCircumstances circumstances() {
        return new TestimonyCircumstances(LocalDate.of(2023, 7, 16), country("RS"), "Subotica", "ps", true,
                new Consent(true, true, false));
    }

    /** A sixteen-year-old unaccompanied boy from Afghanistan telling the Hungarian pushback in Pashto. */
    public static WitnessAccount pashtoWitness() {
        return new WitnessAccount(WITNESS_PSEUDONYM, 16, AgeBand.AGE_14_TO_17, Gender.MALE, country("AF"), true,
                WITNESS_CONTACT, PASHTO_NARRATIVE, NARRATIVE_TRANSLATION);
    }
}
