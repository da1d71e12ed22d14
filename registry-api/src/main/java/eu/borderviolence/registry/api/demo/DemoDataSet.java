package eu.borderviolence.registry.api.demo;

import eu.borderviolence.registry.api.demo.DemoIncidents.FactsDraft;
import eu.borderviolence.registry.api.demo.DemoIncidents.Officers;
import eu.borderviolence.registry.api.demo.DemoIncidents.RecordingSite;
import eu.borderviolence.registry.api.demo.DemoIncidents.Setting;
import eu.borderviolence.registry.api.demo.DemoIncidents.Site;
import eu.borderviolence.registry.api.demo.DemoWitnesses.Witness;
import eu.borderviolence.registry.core.api.Actor;
import eu.borderviolence.registry.core.api.AsylumRequest;
import eu.borderviolence.registry.core.api.AuthorityInvolvement;
import eu.borderviolence.registry.core.api.AuthorityRole;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.Consent;
import eu.borderviolence.registry.core.api.CorrectIncidentFactsCommand;
import eu.borderviolence.registry.core.api.CorroborateIncidentCommand;
import eu.borderviolence.registry.core.api.CorroborationSource;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.DublinTransfer;
import eu.borderviolence.registry.core.api.FrontexPresence;
import eu.borderviolence.registry.core.api.FrontexRole;
import eu.borderviolence.registry.core.api.IncidentDate;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.LegalBasis;
import eu.borderviolence.registry.core.api.MergeIncidentsCommand;
import eu.borderviolence.registry.core.api.NationalityCount;
import eu.borderviolence.registry.core.api.PeopleAffected;
import eu.borderviolence.registry.core.api.Readmission;
import eu.borderviolence.registry.core.api.Recognition;
import eu.borderviolence.registry.core.api.RetractIncidentCommand;
import eu.borderviolence.registry.core.api.SubmitTestimonyCommand;
import eu.borderviolence.registry.core.api.TestimonyCircumstances;
import eu.borderviolence.registry.core.api.TestimonyId;
import eu.borderviolence.registry.core.api.TimeOfDay;
import eu.borderviolence.registry.core.api.ViolationCode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import static eu.borderviolence.registry.api.demo.DemoIncidents.pick;

/**
 * A synthetic but realistic data set for demonstrations and for newcomers: a few hundred testimonies of pushbacks
 * into Serbia and onwards, Serbian police violence, and readmission deportations from Romania, 2019–2023, recorded by
 * several organisations, with the corrections, corroborations, merges and retractions a registry sees in practice.
 *
 * <p>Pure and deterministic: the same seed and size give the same commands, ids included, because every draw comes
 * from one {@link Random} and every date from fixed reference dates. Every value in it went through the contract's
 * self-validating constructors, so a generated data set is a valid one. Steps are in the order they are to be sent:
 * by the day they happened, an incident's first testimony before anything else that refers to it, and merges and
 * retractions after the last step that touches their incidents.
 *
 * <p>Nothing in it describes a real person: witnesses are numbered ({@code Witness-0042}), narratives are generic
 * sentences, document references say {@code DEMO}.
 */
public final class DemoDataSet {

    public static final long DEFAULT_SEED = 2023;
    public static final int DEFAULT_TESTIMONIES = 600;

    /** Testimonies are recorded up to this day; later steps (merges, retractions) carry no date of their own. */
    static final LocalDate LAST_RECORDING_DAY = LocalDate.of(2023, 12, 31);

    private DemoDataSet() {
    }

    /**
     * The demo's commands, in sending order: at least {@code testimonies} testimony submissions, about a third of
     * them about an incident another testimony already reported, and a handful of corrections, corroborations, two
     * merges and two retractions. The cases a demo must show (a chain pushback, Frontex observing and taking part,
     * foreign officers, a readmission right after a Dublin transfer) are there whatever the size.
     */
    public static List<DemoStep> generate(long seed, int testimonies) {
        if (testimonies < 0) {
            throw new IllegalArgumentException("the number of testimonies must not be negative");
        }
        return new Generation(seed, testimonies).steps();
    }

    /** The organisations that use the demo registry: field monitors record testimonies, case workers follow up. */
    private enum Organisation {
        KLIKAKTIV("klikaktiv", List.of("ka-monitor-01", "ka-monitor-02", "ka-monitor-03"), List.of("ka-legal-01")),
        BORDER_MONITORING_NETWORK("border-monitoring-network",
                List.of("bmn-monitor-04", "bmn-monitor-07", "bmn-monitor-11"), List.of("bmn-coordinator-01")),
        LEGAL_AID_BELGRADE("legal-aid-belgrade", List.of("lab-paralegal-01"), List.of("lab-lawyer-02", "lab-lawyer-05")),
        FIELD_MEDICS_NORTH("field-medics-north", List.of("fmn-medic-03", "fmn-medic-06"), List.of("fmn-coordinator-01"));

        private final String id;
        private final List<String> monitors;
        private final List<String> caseWorkers;

        Organisation(String id, List<String> monitors, List<String> caseWorkers) {
            this.id = id;
            this.monitors = monitors;
            this.caseWorkers = caseWorkers;
        }

        Actor monitor(Random random) {
            return new Actor(pick(monitors, random), id);
        }

        Actor caseWorker(Random random) {
            return new Actor(pick(caseWorkers, random), id);
        }
    }

    /** An incident the generation reported, and what it needs to know to refer to it later. */
    private static final class Plan {
        final IncidentId id;
        final Setting setting;
        final IncidentFacts facts;
        final LocalDate day;
        final Organisation organisation;
        final LocalDate reportedOn;
        final boolean openToWitnesses;
        LocalDate lastActivity;

        Plan(IncidentId id, Setting setting, IncidentFacts facts, LocalDate day, Organisation organisation,
             LocalDate reportedOn, boolean openToWitnesses) {
            this.id = id;
            this.setting = setting;
            this.facts = facts;
            this.day = day;
            this.organisation = organisation;
            this.reportedOn = reportedOn;
            this.openToWitnesses = openToWitnesses;
            this.lastActivity = reportedOn;
        }

        Integer groupSize() {
            return facts.people() == null ? null : facts.people().groupSize();
        }
    }

    /**
     * A step and when it happens. Within a day, new incidents come first (phase 0), then further testimonies (1),
     * then follow-up (2: corrections and corroborations; 3: merges and retractions); then the order of drawing.
     */
    private record Scheduled(LocalDate when, int phase, int order, DemoStep step) {
        static final Comparator<Scheduled> SENDING_ORDER = Comparator.comparing(Scheduled::when)
                .thenComparingInt(Scheduled::phase).thenComparingInt(Scheduled::order);
    }

    private static final class Generation {

        private static final int PHASE_NEW_INCIDENT = 0;
        private static final int PHASE_FURTHER_TESTIMONY = 1;
        private static final int PHASE_FOLLOW_UP = 2;
        private static final int PHASE_CLOSING = 3;

        private final long seed;
        private final int testimonies;
        private final Random random;
        private final List<Plan> plans = new ArrayList<>();
        private final List<Scheduled> timeline = new ArrayList<>();
        private int incidentNumber;
        private int testimonyNumber;
        private int order;

        Generation(long seed, int testimonies) {
            this.seed = seed;
            this.testimonies = testimonies;
            this.random = new Random(seed);
        }

        List<DemoStep> steps() {
            // The cases every demo shows, whatever its size.
            Plan readmissionAfterDublin = readmissionAfterDublin();
            Plan chainToBosnia = anchor(Setting.CHAIN_AUSTRIA_TO_BOSNIA, Organisation.BORDER_MONITORING_NETWORK);
            anchor(Setting.CHAIN_HUNGARY_TO_NORTH_MACEDONIA, Organisation.KLIKAKTIV);
            frontexAtRomanianBorder(FrontexRole.OBSERVING, EnumSet.of(Recognition.ARMBAND, Recognition.VEHICLE_MARKINGS),
                    "2021-10-15", "2023-06-30");
            Plan frontexParticipating = frontexAtRomanianBorder(FrontexRole.PARTICIPATING,
                    EnumSet.of(Recognition.ARMBAND, Recognition.FLAG_ON_UNIFORM), "2022-01-01", "2023-06-30");
            frontexInHungary();
            jointOperation(Setting.SERBIA_TO_BULGARIA, "2023-07-01", "2023-09-30",
                    DemoIncidents.involved(Officers.AT_POLICE, AuthorityRole.APPREHENDED, AuthorityRole.TRANSPORTED));
            jointOperation(Setting.SERBIA_TO_NORTH_MACEDONIA, "2023-07-01", "2023-09-30",
                    DemoIncidents.involved(Officers.DE_POLICE, AuthorityRole.OBSERVED));
            jointOperation(Setting.HUNGARY_TO_SERBIA, "2022-01-10", "2022-03-31",
                    DemoIncidents.involved(Officers.AT_POLICE, AuthorityRole.OBSERVED),
                    DemoIncidents.involved(Officers.CZ_POLICE, AuthorityRole.APPREHENDED));
            Plan raidInSubotica = squatRaid("Subotica", "2023-04-01", "2023-06-30");
            squatRaid("Sombor", "2022-11-01", "2023-02-28");
            squatRaid("Horgoš", "2023-07-01", "2023-09-30");

            // Incidents that follow-up will change: corrected, merged (each with its duplicate), retracted.
            List<Correction> corrections = List.of(correctedBorderLeg(), correctedGroupSize(), correctedDate(),
                    correctedViolations(), correctedAsylum(), correctedNationalities());
            Plan firstOriginal = plain(Setting.HUNGARY_TO_SERBIA, true);
            Plan firstDuplicate = duplicateOf(firstOriginal);
            Plan secondOriginal = plain(Setting.ROMANIA_TO_SERBIA, true);
            Plan secondDuplicate = duplicateOf(secondOriginal);
            Plan firstRetracted = unreliable(Setting.HUNGARY_TO_SERBIA);
            Plan secondRetracted = unreliable(Setting.BOSNIA_TO_SERBIA);

            // The bulk: incidents drawn by border as the sources weigh them.
            int newIncidents = Math.max(plans.size(), Math.round(testimonies * 2 / 3f));
            List<Plan> drawn = new ArrayList<>();
            while (plans.size() < newIncidents) {
                Setting setting = Setting.draw(random);
                LocalDate day = DemoIncidents.day(setting, random);
                FactsDraft draft = DemoIncidents.draft(setting, day, random);
                DemoIncidents.addJointOperations(draft, setting, day, random);
                drawn.add(report(setting, draft, day, recorderFor(setting), true));
            }
            furtherTestimonies(testimonies - plans.size());

            corrections.forEach(this::correct);
            corroborate(readmissionAfterDublin, Organisation.LEGAL_AID_BELGRADE, CorroborationSource.OFFICIAL_DOCUMENT,
                    "Copy of the Romanian return decision IGI-DEMO-2021-0457", ConfidenceStatus.CONFIRMED);
            corroborate(frontexParticipating, Organisation.KLIKAKTIV, CorroborationSource.PHOTO_OR_VIDEO,
                    "Photo of a vehicle with Frontex markings, archive PV-DEMO-0019", ConfidenceStatus.LIKELY);
            corroborate(raidInSubotica, Organisation.FIELD_MEDICS_NORTH, CorroborationSource.MEDICAL_REPORT,
                    "Clinic record MR-DEMO-0112", ConfidenceStatus.CONFIRMED);
            corroborate(chainToBosnia, Organisation.BORDER_MONITORING_NETWORK,
                    CorroborationSource.OTHER_ORGANISATION_REPORT, "Partner report BMN-DEMO-2021-07",
                    ConfidenceStatus.CONFIRMED);
            corroborateSomeOf(drawn);
            merge(firstDuplicate, firstOriginal, "Same group and the same night near " + where(firstOriginal)
                    + ", recorded separately by " + firstOriginal.organisation.id + " and "
                    + firstDuplicate.organisation.id + "; the testimonies match.");
            merge(secondDuplicate, secondOriginal, "Duplicate from a batch upload after a field visit: both records"
                    + " describe the same pushback near " + where(secondOriginal) + ".");
            retract(firstRetracted, "At a follow-up interview the witness said they had heard of this pushback from"
                    + " others and were not there themselves; no first-hand account remains.");
            retract(secondRetracted, "The dates and route cannot be reconciled with the witness's own later account;"
                    + " the monitors no longer consider the record reliable.");

            return timeline.stream().sorted(Scheduled.SENDING_ORDER).map(Scheduled::step).toList();
        }

        // ---- the cases every demo shows

        /**
         * Shaped like case "S.A." (KlikAktiv, "Formalizing pushbacks"): a Syrian asylum seeker transferred from
         * Austria to Romania under Dublin, and deported by Romania to Serbia under the readmission agreement two days
         * later, with the documents to show for it.
         */
        private Plan readmissionAfterDublin() {
            Setting setting = Setting.READMISSION_ROMANIA_TO_SERBIA;
            LocalDate day = LocalDate.of(2021, 11, 5);
            FactsDraft draft = DemoIncidents.draft(setting, day, random);
            draft.date = IncidentDate.exactDay(day).at(TimeOfDay.MORNING);
            draft.people = new PeopleAffected(1, 0, 0, 0, 0, 0, 0);
            draft.nationalities = List.of(new NationalityCount(CountryCode.of("SY"), 1));
            draft.asylum = AsylumRequest.ASKED_AND_IGNORED;
            draft.violations = EnumSet.of(ViolationCode.DENIAL_OF_ASYLUM_REQUEST, ViolationCode.NO_INTERPRETER,
                    ViolationCode.FORCED_SIGNATURE);
            draft.confidence = ConfidenceStatus.LIKELY;
            draft.readmission = new Readmission(LegalBasis.EU_SERBIA_READMISSION_AGREEMENT_2007, CountryCode.of("RO"),
                    CountryCode.of("RS"), new DublinTransfer(CountryCode.of("AT"), CountryCode.of("RO"), day.minusDays(2)),
                    List.of("BFA-DEMO-2021-1183 (Dublin transfer decision)", "IGI-DEMO-2021-0457 (return decision)",
                            "RS-RO-READMISSION-DEMO-2021/112 (handover record)"));
            return report(setting, draft, day, Organisation.LEGAL_AID_BELGRADE, false);
        }

        private Plan anchor(Setting setting, Organisation organisation) {
            LocalDate day = DemoIncidents.day(setting, random);
            return report(setting, DemoIncidents.draft(setting, day, random), day, organisation, true);
        }

        /** Frontex on the Romanian side of the border, reported from the end of 2021. */
        private Plan frontexAtRomanianBorder(FrontexRole role, EnumSet<Recognition> recognisedBy, String from, String to) {
            Setting setting = Setting.ROMANIA_TO_SERBIA;
            LocalDate day = DemoIncidents.dayBetween(LocalDate.parse(from), LocalDate.parse(to), random);
            FactsDraft draft = DemoIncidents.draft(setting, day, random);
            draft.frontex = new FrontexPresence(role, recognisedBy, CountryCode.of("RO"));
            if (role == FrontexRole.PARTICIPATING) {
                draft.violations.add(ViolationCode.BEATING);
                draft.firstAuthorityAlso(AuthorityRole.USED_VIOLENCE);
            }
            return report(setting, draft, day, Organisation.KLIKAKTIV, true);
        }

        /** "Some refugees also reported physical violence at the hands of Frontex in Hungary" (KlikAktiv, 2022). */
        private void frontexInHungary() {
            Setting setting = Setting.HUNGARY_TO_SERBIA;
            LocalDate day = DemoIncidents.dayBetween(LocalDate.of(2022, 6, 1), LocalDate.of(2022, 9, 30), random);
            FactsDraft draft = DemoIncidents.draft(setting, day, random);
            draft.frontex = new FrontexPresence(FrontexRole.PARTICIPATING, EnumSet.of(Recognition.FLAG_ON_UNIFORM),
                    CountryCode.of("HU"));
            draft.violations.add(ViolationCode.BEATING);
            draft.firstAuthorityAlso(AuthorityRole.USED_VIOLENCE);
            draft.confidence = ConfidenceStatus.POSSIBLE;
            report(setting, draft, day, Organisation.KLIKAKTIV, true);
        }

        private void jointOperation(Setting setting, String from, String to, AuthorityInvolvement... foreignOfficers) {
            LocalDate day = DemoIncidents.dayBetween(LocalDate.parse(from), LocalDate.parse(to), random);
            FactsDraft draft = DemoIncidents.draft(setting, day, random);
            draft.authorities.addAll(List.of(foreignOfficers));
            report(setting, draft, day, Organisation.KLIKAKTIV, true);
        }

        /** A raid on an informal settlement in the north: beatings, theft, burnt belongings, transfer to a camp. */
        private Plan squatRaid(String town, String from, String to) {
            Setting setting = Setting.SERBIAN_POLICE_RAID;
            LocalDate day = DemoIncidents.dayBetween(LocalDate.parse(from), LocalDate.parse(to), random);
            FactsDraft draft = DemoIncidents.draft(setting, day, random);
            draft.place = site(setting, town).place();
            draft.violations.addAll(EnumSet.of(ViolationCode.BEATING, ViolationCode.THEFT_OF_MONEY,
                    ViolationCode.BURNING_OF_BELONGINGS, ViolationCode.FORCED_TRANSFER));
            draft.firstAuthorityAlso(AuthorityRole.USED_VIOLENCE);
            return report(setting, draft, day, Organisation.FIELD_MEDICS_NORTH, true);
        }

        // ---- incidents follow-up will change

        private record Correction(Plan target, IncidentFacts corrected, String reason, Organisation organisation) {
        }

        private Correction correctedBorderLeg() {
            Setting setting = Setting.HUNGARY_TO_SERBIA;
            LocalDate day = DemoIncidents.day(setting, random);
            FactsDraft draft = DemoIncidents.draft(setting, day, random);
            draft.place = site(setting, "Kübekháza").place();
            Plan target = report(setting, draft, day, Organisation.KLIKAKTIV, true);

            FactsDraft corrected = FactsDraft.of(target.facts);
            corrected.legs = List.of(DemoIncidents.leg("RO", "RS"));
            corrected.place = site(Setting.ROMANIA_TO_SERBIA, "Valcani").place();
            corrected.authorities = List.of(
                    new AuthorityInvolvement(Officers.RO_BORDER_POLICE, target.facts.authorities().get(0).roles()));
            return new Correction(target, corrected.facts(), "Witness retraced the route on a map at a follow-up"
                    + " interview: the group crossed at the Hungarian–Romanian–Serbian tri-border area and was returned"
                    + " by Romanian, not Hungarian, border police.", Organisation.KLIKAKTIV);
        }

        private Correction correctedGroupSize() {
            Setting setting = Setting.ROMANIA_TO_SERBIA;
            LocalDate day = DemoIncidents.day(setting, random);
            FactsDraft draft = DemoIncidents.draft(setting, day, random);
            if (draft.people == null) {
                draft.people = PeopleAffected.group(6 + random.nextInt(10));
                draft.nationalities = DemoIncidents.nationalities(draft.people, random);
            }
            Plan target = report(setting, draft, day, Organisation.BORDER_MONITORING_NETWORK, true);

            PeopleAffected before = target.facts.people();
            int added = 3 + random.nextInt(8);
            FactsDraft corrected = FactsDraft.of(target.facts);
            corrected.people = new PeopleAffected(before.groupSize() + added, before.minors(),
                    before.unaccompaniedMinors(), before.childrenUnder14(), before.women(), before.families(),
                    before.elderly());
            NationalityCount main = corrected.nationalities.get(0);
            if (main.count() != null) {
                corrected.nationalities.set(0, new NationalityCount(main.nationality(), main.count() + added));
            }
            return new Correction(target, corrected.facts(), "Second interview with an interpreter: the group was "
                    + corrected.people.groupSize() + " people, not " + before.groupSize() + ".",
                    Organisation.BORDER_MONITORING_NETWORK);
        }

        private Correction correctedDate() {
            Setting setting = Setting.HUNGARY_TO_SERBIA;
            LocalDate day = DemoIncidents.day(setting, random);
            FactsDraft draft = DemoIncidents.draft(setting, day, random);
            draft.date = IncidentDate.inMonth(YearMonth.from(day));
            Plan target = report(setting, draft, day, Organisation.FIELD_MEDICS_NORTH, true);

            FactsDraft corrected = FactsDraft.of(target.facts);
            corrected.date = IncidentDate.exactDay(day).at(TimeOfDay.NIGHT);
            return new Correction(target, corrected.facts(), "Date fixed from a clinic's treatment record made the"
                    + " next morning: the pushback happened in the night of " + day + ", not some time in "
                    + YearMonth.from(day) + ".", Organisation.FIELD_MEDICS_NORTH);
        }

        private Correction correctedViolations() {
            Setting setting = Setting.CROATIA_TO_SERBIA;
            LocalDate day = DemoIncidents.day(setting, random);
            FactsDraft draft = DemoIncidents.draft(setting, day, random);
            draft.violations.removeAll(EnumSet.of(ViolationCode.BATON_BLOWS, ViolationCode.SERIOUS_INJURY));
            Plan target = report(setting, draft, day, Organisation.KLIKAKTIV, true);

            FactsDraft corrected = FactsDraft.of(target.facts);
            corrected.violations.addAll(EnumSet.of(ViolationCode.BATON_BLOWS, ViolationCode.SERIOUS_INJURY));
            corrected.firstAuthorityAlso(AuthorityRole.USED_VIOLENCE);
            return new Correction(target, corrected.facts(), "Medical report received: injuries consistent with"
                    + " blows with batons; one person needed hospital treatment.", Organisation.LEGAL_AID_BELGRADE);
        }

        private Correction correctedAsylum() {
            Setting setting = Setting.ROMANIA_TO_SERBIA;
            LocalDate day = DemoIncidents.day(setting, random);
            FactsDraft draft = DemoIncidents.draft(setting, day, random);
            draft.asylum = AsylumRequest.NOT_ASKED;
            draft.violations.remove(ViolationCode.DENIAL_OF_ASYLUM_REQUEST);
            Plan target = report(setting, draft, day, Organisation.KLIKAKTIV, true);

            FactsDraft corrected = FactsDraft.of(target.facts);
            corrected.asylum = AsylumRequest.ASKED_AND_IGNORED;
            corrected.violations.add(ViolationCode.DENIAL_OF_ASYLUM_REQUEST);
            return new Correction(target, corrected.facts(), "Interpretation error corrected at the follow-up"
                    + " interview: the group did ask for asylum, and the officers ignored it.", Organisation.KLIKAKTIV);
        }

        private Correction correctedNationalities() {
            Setting setting = Setting.HUNGARY_TO_SERBIA;
            LocalDate day = DemoIncidents.day(setting, random);
            FactsDraft draft = DemoIncidents.draft(setting, day, random);
            if (draft.people == null || draft.people.groupSize() < 6) {
                draft.people = PeopleAffected.group(6 + random.nextInt(15));
            }
            int size = draft.people.groupSize();
            draft.nationalities = List.of(new NationalityCount(CountryCode.of("AF"), size));
            Plan target = report(setting, draft, day, Organisation.BORDER_MONITORING_NETWORK, true);

            int fromPakistan = 1 + random.nextInt(size / 3);
            FactsDraft corrected = FactsDraft.of(target.facts);
            corrected.nationalities = List.of(new NationalityCount(CountryCode.of("AF"), size - fromPakistan),
                    new NationalityCount(CountryCode.of("PK"), fromPakistan));
            return new Correction(target, corrected.facts(), "Follow-up visit with an Urdu-speaking interpreter: "
                    + fromPakistan + " people in the group were from Pakistan, not Afghanistan.",
                    Organisation.BORDER_MONITORING_NETWORK);
        }

        private Plan plain(Setting setting, boolean openToWitnesses) {
            LocalDate day = DemoIncidents.day(setting, random);
            return report(setting, DemoIncidents.draft(setting, day, random), day, recorderFor(setting),
                    openToWitnesses);
        }

        /** The same incident, recorded a few days later by another organisation that did not know of the first. */
        private Plan duplicateOf(Plan original) {
            FactsDraft draft = FactsDraft.of(original.facts);
            draft.date = IncidentDate.between(max(original.day.minusDays(2), DemoIncidents.FIRST_DAY),
                    original.day.plusDays(2));
            Integer size = original.groupSize();
            if (size != null) {
                draft.people = PeopleAffected.group(size + 1 + random.nextInt(3));
                draft.nationalities = original.facts.nationalities().stream()
                        .map(n -> new NationalityCount(n.nationality(), null)).toList();
            }
            draft.confidence = ConfidenceStatus.POSSIBLE;
            Organisation other = original.organisation == Organisation.BORDER_MONITORING_NETWORK
                    ? Organisation.KLIKAKTIV : Organisation.BORDER_MONITORING_NETWORK;
            LocalDate reportedOn = min(max(original.reportedOn, draft.date.latest()).plusDays(1 + random.nextInt(6)),
                    LAST_RECORDING_DAY);
            return report(original.setting, draft, original.day, other, reportedOn, true);
        }

        /** A single, weak account that will not stand. */
        private Plan unreliable(Setting setting) {
            LocalDate day = DemoIncidents.day(setting, random);
            FactsDraft draft = DemoIncidents.draft(setting, day, random);
            draft.confidence = ConfidenceStatus.POSSIBLE;
            return report(setting, draft, day, recorderFor(setting), false);
        }

        // ---- testimonies

        private Plan report(Setting setting, FactsDraft draft, LocalDate day, Organisation organisation,
                            boolean openToWitnesses) {
            LocalDate latest = draft.date == null ? day : draft.date.latest();
            return report(setting, draft, day, organisation, latest.plusDays(random.nextInt(11)), openToWitnesses);
        }

        /** A monitor records the first testimony of a new incident, which reports the incident. */
        private Plan report(Setting setting, FactsDraft draft, LocalDate day, Organisation organisation,
                            LocalDate reportedOn, boolean openToWitnesses) {
            IncidentFacts facts = draft.facts();
            IncidentId id = IncidentId.derivedFrom(name("incident", ++incidentNumber));
            Plan plan = new Plan(id, setting, facts, day, organisation, reportedOn, openToWitnesses);
            plans.add(plan);
            Actor monitor = organisation.monitor(random);
            schedule(reportedOn, PHASE_NEW_INCIDENT,
                    new DemoStep(submission(plan, false, reportedOn, facts, monitor), monitor));
            return plan;
        }

        /**
         * Further witnesses of incidents already reported, recorded days or weeks after the first; larger groups have
         * more of them. Each tells the incident as they remember it, which need not match the record.
         */
        private void furtherTestimonies(int count) {
            List<Plan> open = plans.stream()
                    .filter(plan -> plan.openToWitnesses && !Integer.valueOf(1).equals(plan.groupSize()))
                    .toList();
            if (open.isEmpty()) {
                return;
            }
            for (int i = 0; i < count; i++) {
                Plan plan = pick(open, random);
                int size = plan.groupSize() == null ? 5 : plan.groupSize();
                while (random.nextDouble() >= Math.min(1.0, size / 10.0)) {
                    plan = pick(open, random);
                    size = plan.groupSize() == null ? 5 : plan.groupSize();
                }
                LocalDate recordedOn = min(plan.reportedOn.plusDays(1 + random.nextInt(20)), LAST_RECORDING_DAY);
                Organisation organisation = random.nextDouble() < 0.6 ? plan.organisation : recorderFor(plan.setting);
                Actor monitor = organisation.monitor(random);
                schedule(recordedOn, PHASE_FURTHER_TESTIMONY, new DemoStep(
                        submission(plan, true, recordedOn, witnessVersion(plan.facts, recordedOn), monitor), monitor));
                plan.lastActivity = max(plan.lastActivity, recordedOn);
            }
        }

        /**
         * Mostly the facts as recorded; sometimes only the month (once it is over), a different head count, or no
         * facts at all.
         */
        private IncidentFacts witnessVersion(IncidentFacts facts, LocalDate recordedOn) {
            double roll = random.nextDouble();
            if (roll < 0.25) {
                return null;
            }
            if (roll < 0.6) {
                return facts;
            }
            FactsDraft draft = FactsDraft.of(facts);
            Integer size = facts.people() == null ? null : facts.people().groupSize();
            IncidentDate month = facts.date() == null ? null : IncidentDate.inMonth(YearMonth.from(facts.date().earliest()));
            if (roll < 0.8 && month != null && !month.reachesBeyond(recordedOn)) {
                draft.date = month;
            } else if (size != null) {
                int delta = random.nextInt(7) - 3;
                draft.people = PeopleAffected.group(Math.max(1, size + (delta == 0 ? 1 : delta)));
                draft.nationalities = facts.nationalities().stream()
                        .map(n -> new NationalityCount(n.nationality(), null)).toList();
            }
            return draft.facts();
        }

        private SubmitTestimonyCommand submission(Plan plan, boolean existingIncident, LocalDate recordedOn,
                                                  IncidentFacts reportedFacts, Actor monitor) {
            int number = ++testimonyNumber;
            boolean shareWithLawyers = random.nextDouble() < 0.7;
            Consent consent = new Consent(true, shareWithLawyers, random.nextDouble() < 0.55);
            Witness witness = DemoWitnesses.witness(number, plan.facts, shareWithLawyers, random);
            RecordingSite site = plan.setting.recordingSite(plan.facts, random);
            boolean interpreterUsed = !"en".equals(witness.language()) && random.nextDouble() < 0.85;
            TestimonyCircumstances circumstances = new TestimonyCircumstances(recordedOn,
                    CountryCode.of(site.country()), site.town(), witness.language(), interpreterUsed, consent);
            return new SubmitTestimonyCommand(TestimonyId.derivedFrom(name("testimony", number)), plan.id,
                    existingIncident, circumstances, reportedFacts, witness.account(), monitor);
        }

        // ---- follow-up: after the last testimony of the incidents concerned

        private void correct(Correction correction) {
            Actor caseWorker = correction.organisation().caseWorker(random);
            schedule(after(correction.target(), 3, 40), PHASE_FOLLOW_UP, new DemoStep(new CorrectIncidentFactsCommand(
                    correction.target().id, null, correction.corrected(), correction.reason(), caseWorker), caseWorker));
        }

        private void corroborate(Plan target, Organisation organisation, CorroborationSource source, String reference,
                                 ConfidenceStatus confidence) {
            Actor caseWorker = organisation.caseWorker(random);
            schedule(after(target, 2, 30), PHASE_FOLLOW_UP, new DemoStep(new CorroborateIncidentCommand(
                    target.id, null, source, reference, confidence, caseWorker), caseWorker));
        }

        private void corroborateSomeOf(List<Plan> drawn) {
            List<Plan> candidates = new ArrayList<>(drawn);
            corroborateOneOf(candidates, CorroborationSource.ANOTHER_TESTIMONY, null, null);
            corroborateOneOf(candidates, CorroborationSource.MEDIA_REPORT, "Local news report MEDIA-DEMO-031",
                    ConfidenceStatus.LIKELY);
            corroborateOneOf(candidates, CorroborationSource.PHOTO_OR_VIDEO, "Photos of injuries, archive PV-DEMO-0044",
                    ConfidenceStatus.LIKELY);
            corroborateOneOf(candidates, CorroborationSource.MEDICAL_REPORT, "Clinic record MR-DEMO-0207",
                    ConfidenceStatus.CONFIRMED);
        }

        private void corroborateOneOf(List<Plan> candidates, CorroborationSource source, String reference,
                                      ConfidenceStatus confidence) {
            if (!candidates.isEmpty()) {
                Plan target = candidates.remove(random.nextInt(candidates.size()));
                corroborate(target, target.organisation, source, reference, confidence);
            }
        }

        private void merge(Plan duplicate, Plan survivor, String reason) {
            Actor caseWorker = Organisation.LEGAL_AID_BELGRADE.caseWorker(random);
            schedule(after(List.of(duplicate, survivor), 5, 30), PHASE_CLOSING, new DemoStep(
                    new MergeIncidentsCommand(duplicate.id, null, survivor.id, reason, caseWorker), caseWorker));
        }

        private void retract(Plan target, String reason) {
            Actor caseWorker = target.organisation.caseWorker(random);
            schedule(after(target, 10, 60), PHASE_CLOSING, new DemoStep(
                    new RetractIncidentCommand(target.id, null, reason, caseWorker), caseWorker));
        }

        private LocalDate after(Plan target, int minDays, int maxDays) {
            return after(List.of(target), minDays, maxDays);
        }

        private LocalDate after(List<Plan> targets, int minDays, int maxDays) {
            LocalDate last = targets.stream().map(plan -> plan.lastActivity).max(Comparator.naturalOrder()).orElseThrow();
            return last.plusDays(minDays + random.nextInt(maxDays - minDays + 1));
        }

        // ---- helpers

        /** Who meets the people of an incident: monitors in the north and at the Bosnian border, medics, lawyers. */
        private Organisation recorderFor(Setting setting) {
            double roll = random.nextDouble();
            return switch (setting) {
                case CROATIA_TO_BOSNIA, CHAIN_AUSTRIA_TO_BOSNIA, BOSNIA_TO_SERBIA ->
                        roll < 0.7 ? Organisation.BORDER_MONITORING_NETWORK : Organisation.KLIKAKTIV;
                case SERBIAN_POLICE_RAID -> roll < 0.4 ? Organisation.FIELD_MEDICS_NORTH
                        : roll < 0.9 ? Organisation.KLIKAKTIV : Organisation.BORDER_MONITORING_NETWORK;
                case READMISSION_ROMANIA_TO_SERBIA ->
                        roll < 0.5 ? Organisation.LEGAL_AID_BELGRADE : Organisation.KLIKAKTIV;
                default -> roll < 0.55 ? Organisation.KLIKAKTIV
                        : roll < 0.85 ? Organisation.BORDER_MONITORING_NETWORK
                        : roll < 0.95 ? Organisation.FIELD_MEDICS_NORTH
                        : Organisation.LEGAL_AID_BELGRADE;
            };
        }

        private static String where(Plan plan) {
            return plan.facts.place().placeName() + " (" + plan.facts.place().borderSection() + ")";
        }

        private static Site site(Setting setting, String placeName) {
            return setting.sites.stream().filter(site -> site.placeName().equals(placeName)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no site " + placeName + " in " + setting));
        }

        private void schedule(LocalDate when, int phase, DemoStep step) {
            timeline.add(new Scheduled(when, phase, order++, step));
        }

        private String name(String what, int number) {
            return "demo-" + seed + "-" + what + "-" + number;
        }

        private static LocalDate min(LocalDate a, LocalDate b) {
            return a.isBefore(b) ? a : b;
        }

        private static LocalDate max(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }
    }
}
