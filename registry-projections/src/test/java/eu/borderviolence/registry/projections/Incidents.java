package eu.borderviolence.registry.projections;

import eu.borderviolence.registry.core.api.Actor;
import eu.borderviolence.registry.core.api.AgencyType;
import eu.borderviolence.registry.core.api.AsylumRequest;
import eu.borderviolence.registry.core.api.Authority;
import eu.borderviolence.registry.core.api.AuthorityInvolvement;
import eu.borderviolence.registry.core.api.AuthorityRole;
import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.DublinTransfer;
import eu.borderviolence.registry.core.api.FrontexPresence;
import eu.borderviolence.registry.core.api.FrontexRole;
import eu.borderviolence.registry.core.api.IncidentDate;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.LegalBasis;
import eu.borderviolence.registry.core.api.NationalityCount;
import eu.borderviolence.registry.core.api.PeopleAffected;
import eu.borderviolence.registry.core.api.Place;
import eu.borderviolence.registry.core.api.Readmission;
import eu.borderviolence.registry.core.api.Recognition;
import eu.borderviolence.registry.core.api.TimeOfDay;
import eu.borderviolence.registry.core.api.ViolationCode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/** Synthetic incidents shaped like the cases in the domain brief. */
public final class Incidents {

    public static final Actor MONITOR = new Actor("monitor-17", "klikaktiv");
    public static final Actor LAWYER = new Actor("lawyer-3", "klikaktiv");
    public static final Actor PARTNER = new Actor("monitor-4", "partner-ngo");

    private Incidents() {
    }

    /** A group pushed back from Hungary into Serbia at the Röszke–Horgoš fence, beaten, dogs set on them. */
    public static IncidentFacts pushbackHuRs(LocalDate day) {
        return new IncidentFacts(IncidentKind.PUSHBACK, IncidentDate.exactDay(day).at(TimeOfDay.NIGHT),
                new Place(CountryCode.of("RS"), "Horgoš", "Röszke–Horgoš fence", null),
                List.of(BorderLeg.of("HU", "RS")),
                new PeopleAffected(12, 4, 2, null, 0, null, null),
                List.of(new NationalityCount(CountryCode.of("AF"), 7), new NationalityCount(CountryCode.of("SY"), 5)),
                List.of(AuthorityInvolvement.of(Authority.of("HU", AgencyType.BORDER_POLICE),
                        AuthorityRole.APPREHENDED, AuthorityRole.USED_VIOLENCE, AuthorityRole.EXPELLED)),
                null, Set.of(ViolationCode.BEATING, ViolationCode.DOG_ATTACK, ViolationCode.THEFT_OF_PHONES),
                AsylumRequest.ASKED_AND_IGNORED, ConfidenceStatus.POSSIBLE, null);
    }

    /** A chain pushback from Hungary through Serbia into North Macedonia. */
    public static IncidentFacts chainHuRsMk(LocalDate day) {
        return new IncidentFacts(IncidentKind.PUSHBACK, IncidentDate.exactDay(day), null,
                List.of(BorderLeg.of("HU", "RS"), BorderLeg.of("RS", "MK")), PeopleAffected.group(12),
                null, null, null, null, null, null, null);
    }

    /** A chain pushback from Austria through Slovenia and Croatia into Bosnia, Frontex observing. */
    public static IncidentFacts chainAtSiHrBa(IncidentDate date) {
        return new IncidentFacts(IncidentKind.PUSHBACK, date, null,
                List.of(BorderLeg.of("AT", "SI"), BorderLeg.of("SI", "HR"), BorderLeg.of("HR", "BA")),
                PeopleAffected.group(6), List.of(new NationalityCount(CountryCode.of("PK"), 6)),
                List.of(AuthorityInvolvement.of(Authority.of("HR", AgencyType.INTERVENTION_POLICE),
                        AuthorityRole.USED_VIOLENCE, AuthorityRole.EXPELLED)),
                new FrontexPresence(FrontexRole.OBSERVING, Set.of(Recognition.ARMBAND), CountryCode.of("HR")),
                Set.of(ViolationCode.BATON_BLOWS, ViolationCode.BURNING_OF_BELONGINGS), AsylumRequest.ASKED_AND_REFUSED,
                ConfidenceStatus.LIKELY, null);
    }

    /** Serbian police raid a squat near Subotica, some time in the month. */
    public static IncidentFacts policeViolenceRs(YearMonth month) {
        return new IncidentFacts(IncidentKind.POLICE_VIOLENCE, IncidentDate.inMonth(month),
                new Place(CountryCode.of("RS"), "Subotica", null, null), List.of(), PeopleAffected.group(30),
                null, List.of(AuthorityInvolvement.of(Authority.of("RS", AgencyType.REGULAR_POLICE),
                AuthorityRole.USED_VIOLENCE, AuthorityRole.TRANSPORTED)),
                null, Set.of(ViolationCode.DESTRUCTION_OF_PHONES, ViolationCode.FORCED_TRANSFER), null, null, null);
    }

    /** Case "S.A.": a Dublin transfer Austria→Romania, then readmission Romania→Serbia. */
    public static IncidentFacts readmissionRoRs(LocalDate day) {
        return new IncidentFacts(IncidentKind.READMISSION_DEPORTATION, IncidentDate.exactDay(day), null, List.of(),
                PeopleAffected.group(1), null, null, null, Set.of(ViolationCode.DENIAL_OF_ASYLUM_REQUEST),
                AsylumRequest.ASKED_AND_REFUSED, ConfidenceStatus.CONFIRMED,
                new Readmission(LegalBasis.EU_SERBIA_READMISSION_AGREEMENT_2007, CountryCode.of("RO"),
                        CountryCode.of("RS"),
                        new DublinTransfer(CountryCode.of("AT"), CountryCode.of("RO"), day.minusDays(17)),
                        List.of("RO-IGI 1234/2021")));
    }
}
