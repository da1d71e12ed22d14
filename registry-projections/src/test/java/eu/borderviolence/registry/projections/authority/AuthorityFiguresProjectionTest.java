package eu.borderviolence.registry.projections.authority;

import eu.borderviolence.registry.core.api.AgencyType;
import eu.borderviolence.registry.core.api.Authority;
import eu.borderviolence.registry.core.api.AuthorityInvolvement;
import eu.borderviolence.registry.core.api.AuthorityRole;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.IncidentDate;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.figures.AuthorityFigures;
import eu.borderviolence.registry.core.api.figures.AuthorityFiguresPage;
import eu.borderviolence.registry.core.api.figures.Count;
import eu.borderviolence.registry.core.api.figures.FigureFilter;
import eu.borderviolence.registry.core.api.figures.FindAuthorityFiguresQuery;
import eu.borderviolence.registry.projections.figures.FigureProjectionTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static eu.borderviolence.registry.projections.Incidents.chainAtSiHrBa;
import static eu.borderviolence.registry.projections.Incidents.pushbackHuRs;
import static eu.borderviolence.registry.projections.Incidents.readmissionRoRs;
import static org.assertj.core.api.Assertions.assertThat;

class AuthorityFiguresProjectionTest extends FigureProjectionTest {

    private static final LocalDate JULY_14 = LocalDate.of(2023, 7, 14);

    private AuthorityFiguresProjection projection;

    @Override
    protected Object projection() {
        projection = new AuthorityFiguresProjection(facts);
        return projection;
    }

    private AuthorityFiguresPage figures(FigureFilter filter) {
        return projection.find(new FindAuthorityFiguresQuery(filter, true));
    }

    private static AuthorityFigures authority(AuthorityFiguresPage page, String country, AgencyType agency) {
        return page.authorities().stream()
                .filter(a -> a.country().equals(CountryCode.of(country)) && a.agency() == agency)
                .findFirst().orElseThrow();
    }

    /** The Hungarian pushback with Austrian police patrolling alongside, and Serbian police taking the group over. */
    private static IncidentFacts jointOperation(String hungarianUnit, String secondUnit) {
        IncidentFacts facts = pushbackHuRs(JULY_14);
        return new IncidentFacts(facts.kind(), facts.date(), facts.place(), facts.borderLegs(), facts.people(),
                facts.nationalities(), List.of(
                involved("HU", AgencyType.BORDER_POLICE, hungarianUnit),
                involved("HU", AgencyType.BORDER_POLICE, secondUnit),
                involved("AT", AgencyType.REGULAR_POLICE, null),
                involved("RS", AgencyType.BORDER_POLICE, null)),
                facts.frontex(), facts.violations(), facts.asylum(), facts.confidence(), null);
    }

    private static AuthorityInvolvement involved(String country, AgencyType agency, String unit) {
        return new AuthorityInvolvement(new Authority(CountryCode.of(country), agency, null, unit),
                java.util.Set.of(AuthorityRole.APPREHENDED));
    }

    @Test
    void anAgencyWithTwoUnitsInOneIncidentCountsItOnceAndOncePerUnit() {
        IncidentId id = report(jointOperation("Csongrád unit", "Szeged unit"));

        AuthorityFigures hungarian = authority(figures(FigureFilter.none()), "HU", AgencyType.BORDER_POLICE);
        assertThat(hungarian.figures().incidents()).isEqualTo(1);
        assertThat(hungarian.figures().people()).isEqualTo(12);
        assertThat(hungarian.units()).extracting(Count::key).containsExactly("Csongrád unit", "Szeged unit");
        assertThat(hungarian.borders()).extracting(Count::key).containsExactly("HU-RS");
        assertThat(hungarian.figures().incidentIds()).containsExactly(id);
    }

    @Test
    void jointOperationsNameThePartnerStatesButNotTheReceivingPolice() {
        report(jointOperation(null, "Szeged unit"));
        report(pushbackHuRs(JULY_14.plusDays(1)));

        AuthorityFiguresPage page = figures(FigureFilter.none());
        AuthorityFigures hungarian = authority(page, "HU", AgencyType.BORDER_POLICE);
        assertThat(hungarian.figures().incidents()).isEqualTo(2);
        assertThat(hungarian.jointOperations().incidents()).isEqualTo(1);
        assertThat(hungarian.partnerCountries()).extracting(Count::key).containsExactly("AT");
        AuthorityFigures austrian = authority(page, "AT", AgencyType.REGULAR_POLICE);
        assertThat(austrian.partnerCountries()).extracting(Count::key).containsExactly("HU");
        AuthorityFigures serbian = authority(page, "RS", AgencyType.BORDER_POLICE);
        assertThat(serbian.jointOperations().incidents()).isEqualTo(1);
        assertThat(serbian.partnerCountries()).extracting(Count::key).containsExactlyInAnyOrder("HU", "AT");
        assertThat(page.total().incidents()).isEqualTo(2);
    }

    @Test
    void frontexCoPresenceIsCountedPerAuthority() {
        IncidentId id = report(chainAtSiHrBa(IncidentDate.exactDay(JULY_14)));

        AuthorityFigures croatian = authority(figures(FigureFilter.none()), "HR", AgencyType.INTERVENTION_POLICE);
        assertThat(croatian.frontexCoPresence().incidentIds()).containsExactly(id);
        assertThat(croatian.borders()).extracting(Count::key).containsExactly("AT-SI", "HR-BA", "SI-HR");
    }

    @Test
    void anAuthorityFilterListsOnlyThatAuthority() {
        report(jointOperation("Csongrád unit", null));
        AuthorityFiguresPage page = figures(new FigureFilter(null, null, null, null, null, null, CountryCode.of("AT"),
                null, null, null, false));
        assertThat(page.authorities()).extracting(a -> a.country().code()).containsExactly("AT");
    }

    @Test
    void incidentsWithoutAuthoritiesAreNotCountedAndRetractionsLeaveTheFigures() {
        IncidentId readmission = report(readmissionRoRs(JULY_14));
        IncidentId pushback = report(pushbackHuRs(JULY_14));
        retract(pushback);

        assertThat(figures(FigureFilter.none()).authorities()).isEmpty();
        FigureFilter withRetracted = new FigureFilter(null, null, null, null, null, null, null, null, null, null, true);
        assertThat(figures(withRetracted).authorities()).isNotEmpty().extracting(a -> a.figures().incidentIds())
                .allSatisfy(ids -> assertThat(ids).containsExactly(pushback).doesNotContain(readmission));
    }
}
