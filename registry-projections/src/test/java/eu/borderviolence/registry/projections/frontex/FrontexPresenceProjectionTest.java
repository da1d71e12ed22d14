package eu.borderviolence.registry.projections.frontex;

import eu.borderviolence.registry.core.api.AgencyType;
import eu.borderviolence.registry.core.api.Authority;
import eu.borderviolence.registry.core.api.AuthorityInvolvement;
import eu.borderviolence.registry.core.api.AuthorityRole;
import eu.borderviolence.registry.core.api.IncidentDate;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.figures.Count;
import eu.borderviolence.registry.core.api.figures.FigureFilter;
import eu.borderviolence.registry.core.api.figures.FindFrontexPresenceQuery;
import eu.borderviolence.registry.core.api.figures.FrontexPresenceFigures;
import eu.borderviolence.registry.projections.figures.FigureProjectionTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static eu.borderviolence.registry.projections.Incidents.chainAtSiHrBa;
import static eu.borderviolence.registry.projections.Incidents.pushbackHuRs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class FrontexPresenceProjectionTest extends FigureProjectionTest {

    private static final LocalDate JULY_14 = LocalDate.of(2023, 7, 14);

    private FrontexPresenceProjection projection;

    @Override
    protected Object projection() {
        projection = new FrontexPresenceProjection(facts);
        return projection;
    }

    private FrontexPresenceFigures figures() {
        return projection.find(new FindFrontexPresenceQuery(FigureFilter.none()));
    }

    private static IncidentFacts withAustrianOfficers(IncidentFacts facts) {
        return new IncidentFacts(facts.kind(), facts.date(), facts.place(), facts.borderLegs(), facts.people(),
                facts.nationalities(), List.of(facts.authorities().get(0), AuthorityInvolvement.of(
                Authority.of("AT", AgencyType.REGULAR_POLICE), AuthorityRole.APPREHENDED)),
                facts.frontex(), facts.violations(), facts.asylum(), facts.confidence(), null);
    }

    @Test
    void everyFrontexFigureListsTheIncidentsBehindIt() {
        IncidentId chain = report(chainAtSiHrBa(IncidentDate.exactDay(JULY_14)));
        report(pushbackHuRs(JULY_14));

        FrontexPresenceFigures figures = figures();
        assertThat(figures.frontex().incidentIds()).containsExactly(chain);
        assertThat(figures.frontexByRole()).containsExactly(new Count("OBSERVING", 1, 6, List.of(chain)));
        assertThat(figures.frontexByHostCountry()).containsExactly(new Count("HR", 1, 6, List.of(chain)));
        assertThat(figures.frontexByRecognition()).containsExactly(new Count("ARMBAND", 1, 6, List.of(chain)));
        assertThat(figures.frontexByBorderLeg()).extracting(Count::key).containsExactly("AT-SI", "HR-BA", "SI-HR");
        assertThat(figures.frontexByQuarter()).containsExactly(new Count("2023-Q3", 1, 6, List.of(chain)));
        assertThat(figures.foreignOfficers().incidents()).isZero();
    }

    @Test
    void foreignOfficersAreCountedByTheirStateAndTheHostState() {
        IncidentId joint = report(withAustrianOfficers(pushbackHuRs(JULY_14)));

        FrontexPresenceFigures figures = figures();
        assertThat(figures.foreignOfficers().incidentIds()).containsExactly(joint);
        assertThat(figures.foreignOfficersByCountry()).extracting(Count::key, Count::incidents)
                .containsExactly(tuple("AT", 1L));
        assertThat(figures.foreignOfficersByHostCountry()).extracting(Count::key).containsExactly("HU");
        assertThat(figures.foreignOfficersByBorderLeg()).extracting(Count::key).containsExactly("HU-RS");
        assertThat(figures.frontex().incidents()).isZero();
    }

    @Test
    void aCorrectionThatRemovesFrontexTakesTheIncidentOutOfTheView() {
        IncidentId chain = report(chainAtSiHrBa(IncidentDate.exactDay(JULY_14)));
        IncidentFacts facts = chainAtSiHrBa(IncidentDate.exactDay(JULY_14));
        correct(chain, new IncidentFacts(facts.kind(), facts.date(), facts.place(), facts.borderLegs(),
                facts.people(), facts.nationalities(), facts.authorities(), null, facts.violations(), facts.asylum(),
                facts.confidence(), null));

        assertThat(figures().frontex().incidents()).isZero();
        assertThat(figures().foreignOfficers().incidents()).isZero();
    }

    @Test
    void theIncidentsOfTheViewAreMarkedSoThatItReadsOnlyTheirFacts() {
        IncidentId chain = report(chainAtSiHrBa(IncidentDate.exactDay(JULY_14)));
        IncidentId joint = report(withAustrianOfficers(pushbackHuRs(JULY_14)));
        IncidentId plain = report(pushbackHuRs(JULY_14));
        assertThat(marked(chain)).isTrue();
        assertThat(marked(joint)).isTrue();
        assertThat(marked(plain)).isFalse();

        // The view selects by the mark: an incident marked as without Frontex is not read at all.
        jdbc.update("update fact_incident set frontex_or_foreign_officers = false where incident_id = ?",
                chain.value());
        assertThat(figures().frontex().incidents()).isZero();

        IncidentFacts facts = chainAtSiHrBa(IncidentDate.exactDay(JULY_14));
        correct(chain, new IncidentFacts(facts.kind(), facts.date(), facts.place(), facts.borderLegs(),
                facts.people(), facts.nationalities(), facts.authorities(), null, facts.violations(), facts.asylum(),
                facts.confidence(), null));
        assertThat(marked(chain)).isFalse();
    }

    @Test
    void incidentsKeptBeforeTheMarkExistedAreDecidedByTheirFacts() {
        IncidentId chain = report(chainAtSiHrBa(IncidentDate.exactDay(JULY_14)));
        IncidentId joint = report(withAustrianOfficers(pushbackHuRs(JULY_14)));
        report(pushbackHuRs(JULY_14));
        jdbc.update("update fact_incident set frontex_or_foreign_officers = null");

        FrontexPresenceFigures figures = figures();
        assertThat(figures.frontex().incidentIds()).containsExactly(chain);
        assertThat(figures.foreignOfficers().incidentIds()).containsExactly(joint);
    }

    private Boolean marked(IncidentId incident) {
        return jdbc.queryForObject("select frontex_or_foreign_officers from fact_incident where incident_id = ?",
                Boolean.class, incident.value());
    }
}
