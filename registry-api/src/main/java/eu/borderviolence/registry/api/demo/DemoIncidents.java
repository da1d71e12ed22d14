package eu.borderviolence.registry.api.demo;

import eu.borderviolence.registry.core.api.AgencyType;
import eu.borderviolence.registry.core.api.AsylumRequest;
import eu.borderviolence.registry.core.api.Authority;
import eu.borderviolence.registry.core.api.AuthorityInvolvement;
import eu.borderviolence.registry.core.api.AuthorityRole;
import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.Coordinates;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static eu.borderviolence.registry.core.api.AuthorityRole.APPREHENDED;
import static eu.borderviolence.registry.core.api.AuthorityRole.DETAINED;
import static eu.borderviolence.registry.core.api.AuthorityRole.EXPELLED;
import static eu.borderviolence.registry.core.api.AuthorityRole.OBSERVED;
import static eu.borderviolence.registry.core.api.AuthorityRole.TRANSPORTED;
import static eu.borderviolence.registry.core.api.AuthorityRole.USED_VIOLENCE;
import static eu.borderviolence.registry.core.api.ViolationCode.BATON_BLOWS;
import static eu.borderviolence.registry.core.api.ViolationCode.BEATING;
import static eu.borderviolence.registry.core.api.ViolationCode.BURNING_OF_BELONGINGS;
import static eu.borderviolence.registry.core.api.ViolationCode.DENIAL_OF_ASYLUM_REQUEST;
import static eu.borderviolence.registry.core.api.ViolationCode.DESTRUCTION_OF_BELONGINGS;
import static eu.borderviolence.registry.core.api.ViolationCode.DESTRUCTION_OF_PHONES;
import static eu.borderviolence.registry.core.api.ViolationCode.DETENTION_WITHOUT_FOOD_OR_WATER;
import static eu.borderviolence.registry.core.api.ViolationCode.DOG_ATTACK;
import static eu.borderviolence.registry.core.api.ViolationCode.ELECTRIC_SHOCK;
import static eu.borderviolence.registry.core.api.ViolationCode.FIREARM_DISCHARGE;
import static eu.borderviolence.registry.core.api.ViolationCode.FORCED_SIGNATURE;
import static eu.borderviolence.registry.core.api.ViolationCode.FORCED_TRANSFER;
import static eu.borderviolence.registry.core.api.ViolationCode.FORCED_UNDRESSING;
import static eu.borderviolence.registry.core.api.ViolationCode.HUMILIATION;
import static eu.borderviolence.registry.core.api.ViolationCode.KICKING;
import static eu.borderviolence.registry.core.api.ViolationCode.NO_INTERPRETER;
import static eu.borderviolence.registry.core.api.ViolationCode.PEPPER_SPRAY;
import static eu.borderviolence.registry.core.api.ViolationCode.SERIOUS_INJURY;
import static eu.borderviolence.registry.core.api.ViolationCode.THEFT_OF_CLOTHES_OR_SHOES;
import static eu.borderviolence.registry.core.api.ViolationCode.THEFT_OF_MONEY;
import static eu.borderviolence.registry.core.api.ViolationCode.THEFT_OF_PHONES;
import static eu.borderviolence.registry.core.api.ViolationCode.VERBAL_ABUSE;
import static eu.borderviolence.registry.core.api.ViolationCode.WATER_IMMERSION;

/**
 * Draws the facts of synthetic incidents, shaped like the field reports in {@code domain/sources}: which borders,
 * which authorities, what was done, who was in the group. Every draw takes the {@link Random} it is given, in a fixed
 * order, and iterates nothing of unspecified order, so one seed always gives the same incidents.
 */
final class DemoIncidents {

    /** Incidents happen in this period; testimonies are recorded within weeks after, still in 2023. */
    static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2023, 11, 30);

    /** Violations that are force against the body: the authority that did them used violence. */
    private static final Set<ViolationCode> PHYSICAL = EnumSet.of(BEATING, KICKING, BATON_BLOWS, DOG_ATTACK,
            FORCED_UNDRESSING, PEPPER_SPRAY, ELECTRIC_SHOCK, FIREARM_DISCHARGE, WATER_IMMERSION, SERIOUS_INJURY);

    private static final List<CountryCode> OTHER_NATIONALITIES = codes("MA", "PK", "IQ", "BD", "TR");

    private DemoIncidents() {
    }

    /** A place an incident can happen at; coordinates are approximate, to the nearest village. */
    record Site(String country, String placeName, String borderSection, double latitude, double longitude) {

        Place place() {
            return new Place(CountryCode.of(country), placeName, borderSection, new Coordinates(latitude, longitude));
        }
    }

    /** Where monitors meet people after an incident of a setting: squats, towns and camps. */
    record RecordingSite(String country, String town) {
    }

    /** The authorities the demo names. Foreign police appear only in joint operations. */
    static final class Officers {
        static final Authority HU_POLICE = new Authority(CountryCode.of("HU"), AgencyType.BORDER_POLICE, "Rendőrség", null);
        static final Authority HU_BORDER_HUNTERS = new Authority(CountryCode.of("HU"), AgencyType.BORDER_POLICE, "Rendőrség", "Határvadász");
        static final Authority HU_STANDBY_POLICE = new Authority(CountryCode.of("HU"), AgencyType.SPECIAL_POLICE, "Rendőrség", "Készenléti Rendőrség");
        static final Authority HR_BORDER_POLICE = new Authority(CountryCode.of("HR"), AgencyType.BORDER_POLICE, "Granična policija", null);
        static final Authority HR_INTERVENTION_POLICE = new Authority(CountryCode.of("HR"), AgencyType.INTERVENTION_POLICE, "Interventna policija", null);
        static final Authority RO_BORDER_POLICE = new Authority(CountryCode.of("RO"), AgencyType.BORDER_POLICE, "Poliția de Frontieră Română", null);
        static final Authority RO_IMMIGRATION = new Authority(CountryCode.of("RO"), AgencyType.IMMIGRATION_AUTHORITY, "Inspectoratul General pentru Imigrări", null);
        static final Authority BG_BORDER_POLICE = new Authority(CountryCode.of("BG"), AgencyType.BORDER_POLICE, "Гранична полиция", null);
        static final Authority RS_BORDER_POLICE = new Authority(CountryCode.of("RS"), AgencyType.BORDER_POLICE, "Uprava granične policije", null);
        static final Authority RS_INTERVENTION_UNIT = new Authority(CountryCode.of("RS"), AgencyType.INTERVENTION_POLICE, "Policija Srbije", "Interventna jedinica");
        static final Authority RS_GENDARMERIE = new Authority(CountryCode.of("RS"), AgencyType.GENDARMERIE, "Žandarmerija", null);
        static final Authority RS_POLICE = new Authority(CountryCode.of("RS"), AgencyType.REGULAR_POLICE, "Policija Srbije", null);
        static final Authority BA_BORDER_POLICE = new Authority(CountryCode.of("BA"), AgencyType.BORDER_POLICE, "Granična policija BiH", null);
        static final Authority SI_POLICE = new Authority(CountryCode.of("SI"), AgencyType.REGULAR_POLICE, "Policija", null);
        static final Authority AT_POLICE = new Authority(CountryCode.of("AT"), AgencyType.REGULAR_POLICE, "Bundespolizei", null);
        static final Authority DE_POLICE = new Authority(CountryCode.of("DE"), AgencyType.REGULAR_POLICE, "Bundespolizei", null);
        static final Authority CZ_POLICE = new Authority(CountryCode.of("CZ"), AgencyType.REGULAR_POLICE, "Policie České republiky", null);

        private Officers() {
        }
    }

    /**
     * The settings incidents are drawn from, weighted as in the sources: most pushbacks from Hungary to Serbia, then
     * Romania and Croatia; Serbian police violence in the north from late 2022; readmissions from Romania. The first
     * authority of each setting is the one that laid hands on people.
     */
    enum Setting {
        HUNGARY_TO_SERBIA(IncidentKind.PUSHBACK, 380, "2019-01-01", "2023-11-30", 2, 35, List.of(leg("HU", "RS")),
                List.of(new Site("HU", "Röszke", "Röszke–Horgoš fence", 46.187, 20.037),
                        new Site("HU", "Ásotthalom", "Ásotthalom–Bački Vinogradi fence", 46.198, 19.783),
                        new Site("HU", "Tompa", "Tompa–Kelebija crossing", 46.206, 19.539),
                        new Site("HU", "Mórahalom", "Mórahalom fence gate", 46.218, 19.885),
                        new Site("HU", "Kübekháza", "Kübekháza tri-border area", 46.150, 20.276)),
                List.of(new RecordingSite("RS", "Subotica"), new RecordingSite("RS", "Horgoš"),
                        new RecordingSite("RS", "Kelebija"), new RecordingSite("RS", "Sombor"),
                        new RecordingSite("RS", "Majdan")),
                List.of(involved(Officers.HU_POLICE, APPREHENDED, EXPELLED),
                        involved(Officers.HU_BORDER_HUNTERS, APPREHENDED, TRANSPORTED),
                        involved(Officers.HU_STANDBY_POLICE, DETAINED, EXPELLED)),
                new Odds().of(BEATING, .7).of(KICKING, .4).of(BATON_BLOWS, .35).of(PEPPER_SPRAY, .25)
                        .of(DOG_ATTACK, .1).of(FORCED_UNDRESSING, .1).of(DESTRUCTION_OF_PHONES, .3)
                        .of(THEFT_OF_PHONES, .15).of(HUMILIATION, .3).of(VERBAL_ABUSE, .4)
                        .of(DETENTION_WITHOUT_FOOD_OR_WATER, .1).of(SERIOUS_INJURY, .04)),
        CROATIA_TO_SERBIA(IncidentKind.PUSHBACK, 90, "2019-01-01", "2022-06-30", 3, 25, List.of(leg("HR", "RS")),
                List.of(new Site("HR", "Tovarnik", "Tovarnik–Šid railway", 45.165, 19.151),
                        new Site("HR", "Bapska", "Bapska–Berkasovo", 45.205, 19.262),
                        new Site("HR", "Ilok", "Ilok–Bačka Palanka bridge", 45.222, 19.378)),
                List.of(new RecordingSite("RS", "Šid"), new RecordingSite("RS", "Berkasovo")),
                List.of(involved(Officers.HR_BORDER_POLICE, APPREHENDED, EXPELLED),
                        involved(Officers.HR_INTERVENTION_POLICE, DETAINED, TRANSPORTED)),
                new Odds().of(BEATING, .75).of(BATON_BLOWS, .45).of(KICKING, .3).of(THEFT_OF_MONEY, .4)
                        .of(THEFT_OF_PHONES, .35).of(BURNING_OF_BELONGINGS, .25).of(FORCED_UNDRESSING, .2)
                        .of(THEFT_OF_CLOTHES_OR_SHOES, .2).of(WATER_IMMERSION, .04).of(FIREARM_DISCHARGE, .03)
                        .of(HUMILIATION, .2)),
        ROMANIA_TO_SERBIA(IncidentKind.PUSHBACK, 130, "2020-07-01", "2023-11-30", 3, 40, List.of(leg("RO", "RS")),
                List.of(new Site("RO", "Jimbolia", "Jimbolia–Srpska Crnja", 45.791, 20.717),
                        new Site("RO", "Valcani", "Valcani–Majdan tri-border area", 46.002, 20.397),
                        new Site("RO", "Lunga", "Lunga–Nakovo", 45.904, 20.565),
                        new Site("RO", "Moravița", "Moravița–Vatin crossing", 45.255, 21.270)),
                List.of(new RecordingSite("RS", "Kikinda"), new RecordingSite("RS", "Majdan"),
                        new RecordingSite("RS", "Nakovo"), new RecordingSite("RS", "Vršac")),
                List.of(involved(Officers.RO_BORDER_POLICE, APPREHENDED, DETAINED, EXPELLED)),
                new Odds().of(BEATING, .6).of(PEPPER_SPRAY, .2).of(DESTRUCTION_OF_PHONES, .35).of(HUMILIATION, .35)
                        .of(VERBAL_ABUSE, .45).of(THEFT_OF_MONEY, .2).of(DOG_ATTACK, .08)
                        .of(DETENTION_WITHOUT_FOOD_OR_WATER, .15)),
        BULGARIA_TO_SERBIA(IncidentKind.PUSHBACK, 40, "2021-01-01", "2023-11-30", 2, 20, List.of(leg("BG", "RS")),
                List.of(new Site("BG", "Kalotina", "Kalotina–Gradina crossing", 42.986, 22.865),
                        new Site("BG", "Bregovo", "Bregovo–Mokranje", 44.146, 22.644)),
                List.of(new RecordingSite("RS", "Dimitrovgrad"), new RecordingSite("RS", "Pirot"),
                        new RecordingSite("RS", "Zaječar")),
                List.of(involved(Officers.BG_BORDER_POLICE, APPREHENDED, EXPELLED)),
                new Odds().of(BEATING, .65).of(DOG_ATTACK, .25).of(THEFT_OF_MONEY, .45).of(FORCED_UNDRESSING, .25)
                        .of(THEFT_OF_CLOTHES_OR_SHOES, .3).of(THEFT_OF_PHONES, .3)),
        SERBIA_TO_NORTH_MACEDONIA(IncidentKind.PUSHBACK, 60, "2019-06-01", "2023-11-30", 4, 45, List.of(leg("RS", "MK")),
                List.of(new Site("RS", "Miratovac", "Miratovac–Lojane", 42.268, 21.655),
                        new Site("RS", "Preševo", "Preševo–Tabanovce fence", 42.309, 21.649)),
                List.of(new RecordingSite("RS", "Preševo"), new RecordingSite("RS", "Vranje"),
                        new RecordingSite("RS", "Belgrade")),
                List.of(involved(Officers.RS_BORDER_POLICE, APPREHENDED, TRANSPORTED, EXPELLED)),
                new Odds().of(BEATING, .35).of(THEFT_OF_MONEY, .3).of(VERBAL_ABUSE, .4).of(NO_INTERPRETER, .3)
                        .of(DETENTION_WITHOUT_FOOD_OR_WATER, .2)),
        SERBIA_TO_BULGARIA(IncidentKind.PUSHBACK, 60, "2022-03-01", "2023-11-30", 5, 50, List.of(leg("RS", "BG")),
                List.of(new Site("RS", "Dimitrovgrad", "Dimitrovgrad–Kalotina", 43.016, 22.782),
                        new Site("RS", "Zaječar", "Vrška Čuka–Kula", 43.870, 22.390)),
                List.of(new RecordingSite("RS", "Belgrade"), new RecordingSite("RS", "Dimitrovgrad"),
                        new RecordingSite("RS", "Pirot")),
                List.of(involved(Officers.RS_BORDER_POLICE, APPREHENDED, TRANSPORTED, EXPELLED),
                        involved(Officers.RS_GENDARMERIE, APPREHENDED, TRANSPORTED)),
                new Odds().of(BEATING, .4).of(THEFT_OF_MONEY, .3).of(VERBAL_ABUSE, .35).of(NO_INTERPRETER, .35)
                        .of(DETENTION_WITHOUT_FOOD_OR_WATER, .25).of(HUMILIATION, .15)),
        BOSNIA_TO_SERBIA(IncidentKind.PUSHBACK, 40, "2019-01-01", "2023-11-30", 2, 15, List.of(leg("BA", "RS")),
                List.of(new Site("BA", "Zvornik", "Drina river near Zvornik", 44.385, 19.103),
                        new Site("BA", "Bijeljina", "Pavlovića most–Badovinci", 44.770, 19.300)),
                List.of(new RecordingSite("RS", "Loznica"), new RecordingSite("RS", "Šid")),
                List.of(involved(Officers.BA_BORDER_POLICE, APPREHENDED, EXPELLED)),
                new Odds().of(BEATING, .3).of(THEFT_OF_MONEY, .2).of(VERBAL_ABUSE, .3).of(NO_INTERPRETER, .3)),
        CROATIA_TO_BOSNIA(IncidentKind.PUSHBACK, 30, "2019-01-01", "2023-11-30", 3, 20, List.of(leg("HR", "BA")),
                List.of(new Site("HR", "Cetingrad", "Cetingrad–Šturlić", 45.157, 15.735),
                        new Site("HR", "Maljevac", "Maljevac–Velika Kladuša", 45.193, 15.796)),
                List.of(new RecordingSite("BA", "Velika Kladuša"), new RecordingSite("BA", "Bihać")),
                List.of(involved(Officers.HR_INTERVENTION_POLICE, APPREHENDED, EXPELLED),
                        involved(Officers.HR_BORDER_POLICE, DETAINED, TRANSPORTED)),
                new Odds().of(BEATING, .8).of(BATON_BLOWS, .5).of(THEFT_OF_MONEY, .45).of(THEFT_OF_PHONES, .4)
                        .of(BURNING_OF_BELONGINGS, .35).of(FORCED_UNDRESSING, .25).of(DOG_ATTACK, .1)
                        .of(WATER_IMMERSION, .08).of(SERIOUS_INJURY, .08)),
        CHAIN_AUSTRIA_TO_BOSNIA(IncidentKind.PUSHBACK, 5, "2020-06-01", "2021-12-31", 5, 20,
                List.of(leg("AT", "SI"), leg("SI", "HR"), leg("HR", "BA")),
                List.of(new Site("AT", "Bad Radkersburg", "Bad Radkersburg–Gornja Radgona", 46.687, 15.987),
                        new Site("AT", "Spielfeld", "Spielfeld–Šentilj", 46.709, 15.636)),
                List.of(new RecordingSite("BA", "Velika Kladuša"), new RecordingSite("BA", "Bihać")),
                List.of(involved(Officers.HR_INTERVENTION_POLICE, EXPELLED),
                        involved(Officers.AT_POLICE, APPREHENDED, DETAINED, EXPELLED),
                        involved(Officers.SI_POLICE, DETAINED, TRANSPORTED, EXPELLED)),
                new Odds().of(BEATING, .7).of(BATON_BLOWS, .4).of(THEFT_OF_PHONES, .5).of(FORCED_SIGNATURE, .5)
                        .of(NO_INTERPRETER, .7).of(DETENTION_WITHOUT_FOOD_OR_WATER, .4)),
        CHAIN_HUNGARY_TO_NORTH_MACEDONIA(IncidentKind.PUSHBACK, 5, "2020-01-01", "2021-12-31", 4, 25,
                List.of(leg("HU", "RS"), leg("RS", "MK")),
                List.of(new Site("HU", "Röszke", "Röszke–Horgoš fence", 46.187, 20.037),
                        new Site("HU", "Tompa", "Tompa–Kelebija crossing", 46.206, 19.539)),
                List.of(new RecordingSite("RS", "Preševo"), new RecordingSite("RS", "Belgrade")),
                List.of(involved(Officers.HU_POLICE, APPREHENDED, EXPELLED),
                        involved(Officers.RS_BORDER_POLICE, APPREHENDED, DETAINED, TRANSPORTED, EXPELLED)),
                new Odds().of(BEATING, .6).of(KICKING, .3).of(DETENTION_WITHOUT_FOOD_OR_WATER, .5)
                        .of(NO_INTERPRETER, .5).of(THEFT_OF_MONEY, .25)),
        SERBIAN_POLICE_RAID(IncidentKind.POLICE_VIOLENCE, 120, "2021-06-01", "2023-11-30", 8, 90, List.of(),
                List.of(new Site("RS", "Subotica", null, 46.100, 19.666),
                        new Site("RS", "Sombor", null, 45.774, 19.112),
                        new Site("RS", "Horgoš", null, 46.156, 19.971),
                        new Site("RS", "Kikinda", null, 45.829, 20.465),
                        new Site("RS", "Majdan", null, 46.137, 20.219),
                        new Site("RS", "Šid", null, 45.128, 19.228)),
                List.of(),
                List.of(involved(Officers.RS_INTERVENTION_UNIT, APPREHENDED, DETAINED, TRANSPORTED),
                        involved(Officers.RS_GENDARMERIE, APPREHENDED),
                        involved(Officers.RS_POLICE, DETAINED, TRANSPORTED)),
                new Odds().of(BEATING, .8).of(BATON_BLOWS, .4).of(KICKING, .3).of(THEFT_OF_MONEY, .6)
                        .of(THEFT_OF_PHONES, .4).of(DESTRUCTION_OF_PHONES, .3).of(BURNING_OF_BELONGINGS, .45)
                        .of(DESTRUCTION_OF_BELONGINGS, .4).of(FORCED_TRANSFER, .65).of(VERBAL_ABUSE, .4)
                        .of(HUMILIATION, .2)),
        READMISSION_ROMANIA_TO_SERBIA(IncidentKind.READMISSION_DEPORTATION, 40, "2020-09-01", "2023-06-30", 1, 4, List.of(),
                List.of(new Site("RO", "Timișoara", null, 45.757, 21.229),
                        new Site("RO", "Jimbolia", "Jimbolia–Srpska Crnja crossing", 45.791, 20.717)),
                List.of(new RecordingSite("RS", "Kikinda"), new RecordingSite("RS", "Belgrade")),
                List.of(involved(Officers.RO_IMMIGRATION, DETAINED, EXPELLED),
                        involved(Officers.RO_BORDER_POLICE, TRANSPORTED)),
                new Odds().of(NO_INTERPRETER, .5).of(FORCED_SIGNATURE, .4).of(DETENTION_WITHOUT_FOOD_OR_WATER, .1));

        final IncidentKind kind;
        final int weight;
        final LocalDate from;
        final LocalDate to;
        final int minGroup;
        final int maxGroup;
        final List<BorderLeg> legs;
        final List<Site> sites;
        final List<RecordingSite> recordingSites;
        final List<AuthorityInvolvement> authorities;
        final Map<ViolationCode, Double> violations;

        Setting(IncidentKind kind, int weight, String from, String to, int minGroup, int maxGroup,
                List<BorderLeg> legs, List<Site> sites, List<RecordingSite> recordingSites,
                List<AuthorityInvolvement> authorities, Odds violations) {
            this.kind = kind;
            this.weight = weight;
            this.from = LocalDate.parse(from);
            this.to = LocalDate.parse(to);
            this.minGroup = minGroup;
            this.maxGroup = maxGroup;
            this.legs = legs;
            this.sites = sites;
            this.recordingSites = recordingSites;
            this.authorities = authorities;
            this.violations = violations.odds;
        }

        boolean isChain() {
            return legs.size() > 1;
        }

        /** Police violence is recorded where it happened; other incidents where people were met afterwards. */
        RecordingSite recordingSite(IncidentFacts facts, Random random) {
            if (recordingSites.isEmpty()) {
                Place place = facts.place();
                return new RecordingSite(place.country().code(), place.placeName());
            }
            return pick(recordingSites, random);
        }

        static Setting draw(Random random) {
            int total = 0;
            for (Setting setting : values()) {
                total += setting.weight;
            }
            int roll = random.nextInt(total);
            for (Setting setting : values()) {
                roll -= setting.weight;
                if (roll < 0) {
                    return setting;
                }
            }
            throw new IllegalStateException("weights do not add up");
        }
    }

    /** Chance per violation; an {@link EnumMap}, so drawing walks the codes in a fixed order. */
    static final class Odds {
        private final Map<ViolationCode, Double> odds = new EnumMap<>(ViolationCode.class);

        Odds of(ViolationCode code, double chance) {
            odds.put(code, chance);
            return this;
        }
    }

    /** A mutable working copy of incident facts, so that variants and corrections read as edits. */
    static final class FactsDraft {
        IncidentKind kind;
        IncidentDate date;
        Place place;
        List<BorderLeg> legs = new ArrayList<>();
        PeopleAffected people;
        List<NationalityCount> nationalities = new ArrayList<>();
        List<AuthorityInvolvement> authorities = new ArrayList<>();
        FrontexPresence frontex;
        Set<ViolationCode> violations = EnumSet.noneOf(ViolationCode.class);
        AsylumRequest asylum;
        ConfidenceStatus confidence;
        Readmission readmission;

        static FactsDraft of(IncidentFacts facts) {
            FactsDraft draft = new FactsDraft();
            draft.kind = facts.kind();
            draft.date = facts.date();
            draft.place = facts.place();
            draft.legs = new ArrayList<>(facts.borderLegs());
            draft.people = facts.people();
            draft.nationalities = new ArrayList<>(facts.nationalities());
            draft.authorities = new ArrayList<>(facts.authorities());
            draft.frontex = facts.frontex();
            draft.violations = facts.violations().isEmpty()
                    ? EnumSet.noneOf(ViolationCode.class) : EnumSet.copyOf(facts.violations());
            draft.asylum = facts.asylum();
            draft.confidence = facts.confidence();
            draft.readmission = facts.readmission();
            return draft;
        }

        IncidentFacts facts() {
            return new IncidentFacts(kind, date, place, legs, people, nationalities, authorities, frontex, violations,
                    asylum, confidence, readmission);
        }

        /** Adds a role to the authority that laid hands on people, the first one. */
        void firstAuthorityAlso(AuthorityRole role) {
            AuthorityInvolvement first = authorities.get(0);
            Set<AuthorityRole> roles = EnumSet.copyOf(first.roles());
            roles.add(role);
            authorities.set(0, new AuthorityInvolvement(first.authority(), roles));
        }

        void addForeignOfficers(Authority authority, AuthorityRole... roles) {
            authorities.add(involved(authority, roles));
        }
    }

    /** Everything a witness could tell of an incident on {@code day} in {@code setting}, without joint operations. */
    static FactsDraft draft(Setting setting, LocalDate day, Random random) {
        FactsDraft draft = new FactsDraft();
        draft.kind = setting.kind;
        draft.date = random.nextDouble() < 0.02 ? null : dateOf(day, setting.kind, random);
        draft.place = pick(setting.sites, random).place();
        draft.legs = new ArrayList<>(setting.legs);
        draft.people = people(setting, random);
        draft.nationalities = nationalities(draft.people, random);
        draft.violations = violations(setting, random);
        draft.authorities = authorities(setting, random);
        if (draft.violations.stream().anyMatch(PHYSICAL::contains)) {
            draft.firstAuthorityAlso(USED_VIOLENCE);
        }
        draft.asylum = asylum(setting.kind, random);
        if ((draft.asylum == AsylumRequest.ASKED_AND_REFUSED || draft.asylum == AsylumRequest.ASKED_AND_IGNORED)
                && (setting.kind == IncidentKind.READMISSION_DEPORTATION || random.nextDouble() < 0.6)) {
            draft.violations.add(DENIAL_OF_ASYLUM_REQUEST);
        }
        draft.confidence = confidence(random);
        if (setting.kind == IncidentKind.READMISSION_DEPORTATION) {
            draft.readmission = readmission(day, random);
        }
        return draft;
    }

    /**
     * Frontex and foreign police where the sources report them: Frontex on the Romanian side from the end of 2021 and
     * at the North Macedonian border; Austrian, Czech and German police at the Hungarian border in 2022; Austrian
     * police with Serbian police at the Bulgarian border and German police at the North Macedonian border.
     */
    static void addJointOperations(FactsDraft draft, Setting setting, LocalDate day, Random random) {
        switch (setting) {
            case ROMANIA_TO_SERBIA -> {
                if (!day.isBefore(LocalDate.of(2021, 10, 1)) && random.nextDouble() < 0.25) {
                    draft.frontex = frontex(random.nextDouble() < 0.7 ? FrontexRole.OBSERVING : FrontexRole.PARTICIPATING,
                            "RO", random);
                }
            }
            case HUNGARY_TO_SERBIA -> {
                if (within(day, "2022-01-01", "2022-09-30") && random.nextDouble() < 0.15) {
                    List<Authority> foreign = List.of(Officers.AT_POLICE, Officers.CZ_POLICE, Officers.DE_POLICE);
                    int first = random.nextInt(foreign.size());
                    draft.addForeignOfficers(foreign.get(first), random.nextBoolean() ? OBSERVED : APPREHENDED);
                    if (random.nextDouble() < 0.3) {
                        draft.addForeignOfficers(foreign.get((first + 1) % foreign.size()), OBSERVED);
                    }
                }
                if (day.getYear() == 2022 && random.nextDouble() < 0.04) {
                    draft.frontex = frontex(random.nextBoolean() ? FrontexRole.OBSERVING : FrontexRole.PARTICIPATING,
                            "HU", random);
                }
            }
            case SERBIA_TO_BULGARIA -> {
                if (!day.isBefore(LocalDate.of(2022, 7, 1)) && random.nextDouble() < 0.45) {
                    draft.addForeignOfficers(Officers.AT_POLICE, random.nextBoolean() ? OBSERVED : APPREHENDED);
                }
            }
            case SERBIA_TO_NORTH_MACEDONIA -> {
                if (!day.isBefore(LocalDate.of(2023, 1, 1)) && random.nextDouble() < 0.45) {
                    draft.addForeignOfficers(Officers.DE_POLICE, random.nextBoolean() ? OBSERVED : TRANSPORTED);
                }
                if (!day.isBefore(LocalDate.of(2021, 6, 1)) && random.nextDouble() < 0.1) {
                    draft.frontex = frontex(FrontexRole.OBSERVING, "RS", random);
                }
            }
            default -> {
            }
        }
    }

    static FrontexPresence frontex(FrontexRole role, String hostCountry, Random random) {
        List<Recognition> signs = List.of(Recognition.ARMBAND, Recognition.FLAG_ON_UNIFORM,
                Recognition.VEHICLE_MARKINGS, Recognition.LANGUAGE_SPOKEN);
        Set<Recognition> recognisedBy = EnumSet.noneOf(Recognition.class);
        recognisedBy.add(pick(signs, random));
        if (random.nextBoolean()) {
            recognisedBy.add(pick(signs, random));
        }
        return new FrontexPresence(role, recognisedBy, CountryCode.of(hostCountry));
    }

    /** A readmission from Romania under the 2007 agreement; some came right after a Dublin transfer to Romania. */
    static Readmission readmission(LocalDate day, Random random) {
        DublinTransfer dublin = null;
        if (random.nextDouble() < 0.15) {
            String from = pick(List.of("AT", "DE", "NL"), random);
            dublin = new DublinTransfer(CountryCode.of(from), CountryCode.of("RO"), day.minusDays(1 + random.nextInt(5)));
        }
        List<String> documents = new ArrayList<>();
        if (random.nextDouble() < 0.7) {
            documents.add("IGI-DEMO-" + day.getYear() + "-" + String.format("%04d", random.nextInt(10_000)));
        }
        if (random.nextDouble() < 0.4) {
            documents.add("RS-RO-READMISSION-DEMO-" + day.getYear() + "/" + (1 + random.nextInt(400)));
        }
        return new Readmission(LegalBasis.EU_SERBIA_READMISSION_AGREEMENT_2007, CountryCode.of("RO"),
                CountryCode.of("RS"), dublin, documents);
    }

    /** A day in the setting's period, drawn towards its end: more people crossed, and were met, in later years. */
    static LocalDate day(Setting setting, Random random) {
        LocalDate to = setting.to.isAfter(LAST_DAY) ? LAST_DAY : setting.to;
        return dayBetween(setting.from, to, random);
    }

    static LocalDate dayBetween(LocalDate from, LocalDate to, Random random) {
        int span = (int) ChronoUnit.DAYS.between(from, to) + 1;
        int offset = random.nextInt(span);
        return from.plusDays(random.nextBoolean() ? offset : Math.max(offset, random.nextInt(span)));
    }

    /** Mostly the exact day, often only the month, sometimes a few days' range ("around the end of the month"). */
    static IncidentDate dateOf(LocalDate day, IncidentKind kind, Random random) {
        double roll = random.nextDouble();
        if (roll < 0.7) {
            return IncidentDate.exactDay(day).at(timeOfDay(kind, random));
        }
        if (roll < 0.88) {
            return IncidentDate.inMonth(YearMonth.from(day));
        }
        LocalDate earliest = day.minusDays(1 + random.nextInt(5));
        return IncidentDate.between(earliest.isBefore(FIRST_DAY) ? FIRST_DAY : earliest,
                day.plusDays(1 + random.nextInt(5)));
    }

    private static TimeOfDay timeOfDay(IncidentKind kind, Random random) {
        double roll = random.nextDouble();
        if (roll < 0.2) {
            return null;
        }
        if (kind == IncidentKind.POLICE_VIOLENCE) {
            return roll < 0.7 ? TimeOfDay.MORNING : TimeOfDay.AFTERNOON;
        }
        if (kind == IncidentKind.READMISSION_DEPORTATION) {
            return roll < 0.6 ? TimeOfDay.MORNING : TimeOfDay.AFTERNOON;
        }
        return roll < 0.7 ? TimeOfDay.NIGHT : roll < 0.9 ? TimeOfDay.EVENING : TimeOfDay.MORNING;
    }

    /**
     * The group, counted as far as the witness could: sometimes not at all, sometimes only its size. Children are
     * about 46% of people, a fifth of them unaccompanied (Save the Children, 2017).
     */
    static PeopleAffected people(Setting setting, Random random) {
        double roll = random.nextDouble();
        int size = setting.minGroup
                + (int) Math.round((setting.maxGroup - setting.minGroup) * Math.pow(random.nextDouble(), 2));
        if (roll < 0.06) {
            return null;
        }
        if (roll < 0.16) {
            return PeopleAffected.group(size);
        }
        int minors = binomial(size, 0.2 + 0.52 * random.nextDouble(), random);
        int unaccompanied = binomial(minors, 0.2, random);
        int under14 = binomial(minors, 0.4, random);
        int adults = size - minors;
        int women = binomial(adults, 0.1, random);
        int families = women == 0 ? 0 : 1 + random.nextInt(women);
        int elderly = adults > 1 && random.nextDouble() < 0.08 ? 1 : 0;
        return new PeopleAffected(size, minors, unaccompanied, under14, women, families, elderly);
    }

    /** Mostly Syrians and Afghans (94% in 2023), a few from Morocco, Pakistan, Iraq, Bangladesh and Turkey. */
    static List<NationalityCount> nationalities(PeopleAffected people, Random random) {
        CountryCode main = mainNationality(random);
        Integer size = people == null ? null : people.groupSize();
        boolean mixed = random.nextDouble() < 0.3;
        CountryCode second = secondNationality(main, random);
        if (size == null || random.nextDouble() < 0.1) {
            return mixed ? List.of(new NationalityCount(main, null), new NationalityCount(second, null))
                    : List.of(new NationalityCount(main, null));
        }
        if (mixed && size >= 3) {
            int secondCount = 1 + random.nextInt(Math.max(1, size / 3));
            return List.of(new NationalityCount(main, size - secondCount), new NationalityCount(second, secondCount));
        }
        return List.of(new NationalityCount(main, size));
    }

    private static CountryCode mainNationality(Random random) {
        double roll = random.nextDouble();
        if (roll < 0.5) {
            return CountryCode.of("SY");
        }
        if (roll < 0.96) {
            return CountryCode.of("AF");
        }
        return pick(OTHER_NATIONALITIES, random);
    }

    private static CountryCode secondNationality(CountryCode main, Random random) {
        double roll = random.nextDouble();
        return switch (main.code()) {
            case "SY" -> CountryCode.of(roll < 0.7 ? "AF" : roll < 0.85 ? "IQ" : "MA");
            case "AF" -> CountryCode.of(roll < 0.6 ? "SY" : roll < 0.9 ? "PK" : "BD");
            default -> CountryCode.of(roll < 0.5 ? "SY" : "AF");
        };
    }

    private static Set<ViolationCode> violations(Setting setting, Random random) {
        Set<ViolationCode> drawn = EnumSet.noneOf(ViolationCode.class);
        setting.violations.forEach((code, chance) -> {
            if (random.nextDouble() < chance) {
                drawn.add(code);
            }
        });
        return drawn;
    }

    /** The setting's first authority always; the others each in about a third of incidents. */
    private static List<AuthorityInvolvement> authorities(Setting setting, Random random) {
        List<AuthorityInvolvement> involved = new ArrayList<>();
        for (int i = 0; i < setting.authorities.size(); i++) {
            if (i == 0 || setting.isChain() || random.nextDouble() < 0.35) {
                involved.add(setting.authorities.get(i));
            }
        }
        return involved;
    }

    /** Asylum is asked for, and refused or ignored, in most pushbacks; every readmission overrode an asylum request. */
    private static AsylumRequest asylum(IncidentKind kind, Random random) {
        double roll = random.nextDouble();
        return switch (kind) {
            case PUSHBACK -> roll < 0.35 ? AsylumRequest.ASKED_AND_IGNORED
                    : roll < 0.55 ? AsylumRequest.ASKED_AND_REFUSED
                    : roll < 0.6 ? AsylumRequest.ASKED_OUTCOME_UNKNOWN
                    : roll < 0.8 ? AsylumRequest.NOT_ASKED
                    : AsylumRequest.UNKNOWN;
            case POLICE_VIOLENCE -> roll < 0.55 ? AsylumRequest.NOT_ASKED : AsylumRequest.UNKNOWN;
            case READMISSION_DEPORTATION -> roll < 0.55 ? AsylumRequest.ASKED_AND_IGNORED
                    : AsylumRequest.ASKED_AND_REFUSED;
        };
    }

    private static ConfidenceStatus confidence(Random random) {
        double roll = random.nextDouble();
        return roll < 0.15 ? ConfidenceStatus.CONFIRMED
                : roll < 0.55 ? ConfidenceStatus.LIKELY
                : roll < 0.85 ? ConfidenceStatus.POSSIBLE
                : roll < 0.88 ? ConfidenceStatus.UNLIKELY
                : ConfidenceStatus.UNKNOWN;
    }

    static AuthorityInvolvement involved(Authority authority, AuthorityRole... roles) {
        Set<AuthorityRole> set = EnumSet.noneOf(AuthorityRole.class);
        set.addAll(List.of(roles));
        return new AuthorityInvolvement(authority, set);
    }

    static BorderLeg leg(String from, String to) {
        return BorderLeg.of(from, to);
    }

    static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    static boolean within(LocalDate day, String from, String to) {
        return !day.isBefore(LocalDate.parse(from)) && !day.isAfter(LocalDate.parse(to));
    }

    static int binomial(int trials, double chance, Random random) {
        int successes = 0;
        for (int i = 0; i < trials; i++) {
            if (random.nextDouble() < chance) {
                successes++;
            }
        }
        return successes;
    }

    private static List<CountryCode> codes(String... codes) {
        return Arrays.stream(codes).map(CountryCode::of).toList();
    }
}
