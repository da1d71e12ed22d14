package eu.borderviolence.registry.projections.border;

import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.IncidentDate;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.ViolationCode;
import eu.borderviolence.registry.core.api.figures.BorderFigures;
import eu.borderviolence.registry.core.api.figures.BorderLegFigures;
import eu.borderviolence.registry.core.api.figures.Count;
import eu.borderviolence.registry.core.api.figures.FigureFilter;
import eu.borderviolence.registry.core.api.figures.FindBorderFiguresQuery;
import eu.borderviolence.registry.projections.figures.FigureProjectionTest;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static eu.borderviolence.registry.projections.Incidents.chainAtSiHrBa;
import static eu.borderviolence.registry.projections.Incidents.chainHuRsMk;
import static eu.borderviolence.registry.projections.Incidents.policeViolenceRs;
import static eu.borderviolence.registry.projections.Incidents.pushbackHuRs;
import static org.assertj.core.api.Assertions.assertThat;

class BorderFiguresProjectionTest extends FigureProjectionTest {

    private static final LocalDate JULY_14 = LocalDate.of(2023, 7, 14);

    private BorderFiguresProjection projection;

    @Override
    protected Object projection() {
        projection = new BorderFiguresProjection(facts);
        return projection;
    }

    private BorderFigures figures(FigureFilter filter) {
        return projection.find(new FindBorderFiguresQuery(filter, true));
    }

    private static BorderLegFigures leg(BorderFigures figures, String from, String to) {
        return figures.legs().stream().filter(l -> l.leg().equals(BorderLeg.of(from, to))).findFirst().orElseThrow();
    }

    @Test
    void aChainPushbackCountsOnEveryLegItPassedAndOnceInTheTotal() {
        IncidentId single = report(pushbackHuRs(JULY_14));
        IncidentId chain = report(chainHuRsMk(JULY_14.plusDays(2)));

        BorderFigures figures = figures(FigureFilter.none());

        assertThat(figures.total().incidents()).isEqualTo(2);
        assertThat(figures.total().people()).isEqualTo(24);
        BorderLegFigures huRs = leg(figures, "HU", "RS");
        assertThat(huRs.figures().incidents()).isEqualTo(2);
        assertThat(huRs.figures().people()).isEqualTo(24);
        assertThat(huRs.chainPushbacks()).isEqualTo(1);
        assertThat(huRs.figures().incidentIds()).containsExactlyInAnyOrder(single, chain);
        assertThat(leg(figures, "RS", "MK").figures().incidentIds()).containsExactly(chain);
        assertThat(figures.legs()).extracting(l -> l.leg().toString()).containsExactly("HU→RS", "RS→MK");
        assertThat(figures.chains()).containsExactly(new Count("HU-RS-MK", 1, 12, java.util.List.of(chain)));
    }

    @Test
    void aChainThatCrossesOneBorderTwiceCountsItsPeopleOnceThere() {
        IncidentFacts back = chainHuRsMk(JULY_14);
        IncidentFacts twice = new IncidentFacts(IncidentKind.PUSHBACK, back.date(), null,
                java.util.List.of(BorderLeg.of("HU", "RS"), BorderLeg.of("RS", "HU"), BorderLeg.of("HU", "RS")),
                back.people(), null, null, null, null, null, null, null);
        report(twice);

        BorderLegFigures huRs = leg(figures(FigureFilter.none()), "HU", "RS");
        assertThat(huRs.figures().incidents()).isEqualTo(1);
        assertThat(huRs.figures().people()).isEqualTo(12);
    }

    @Test
    void legFiguresCarryMinorsViolationsAsylumAuthoritiesAndPeriods() {
        report(pushbackHuRs(JULY_14));
        report(pushbackHuRs(LocalDate.of(2023, 10, 2)));

        BorderLegFigures huRs = leg(figures(FigureFilter.none()), "HU", "RS");
        assertThat(huRs.figures().minors()).isEqualTo(8);
        assertThat(huRs.figures().unaccompaniedMinors()).isEqualTo(4);
        assertThat(huRs.figures().asylumIgnored()).isEqualTo(2);
        assertThat(huRs.figures().violations()).containsEntry(ViolationCode.DOG_ATTACK, 2L);
        assertThat(huRs.topAuthorities()).extracting(Count::key, Count::incidents)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HU-BORDER_POLICE", 2L));
        assertThat(huRs.byMonth()).extracting(Count::key).containsExactly("2023-07", "2023-10");
        assertThat(huRs.byQuarter()).extracting(Count::key).containsExactly("2023-Q3", "2023-Q4");
    }

    @Test
    void aCorrectedBorderLegMovesTheIncidentToTheOtherBorder() {
        IncidentId id = report(pushbackHuRs(JULY_14));
        IncidentFacts recorded = pushbackHuRs(JULY_14);
        correct(id, new IncidentFacts(recorded.kind(), recorded.date(), recorded.place(),
                java.util.List.of(BorderLeg.of("HR", "BA")), recorded.people(), recorded.nationalities(),
                recorded.authorities(), null, recorded.violations(), recorded.asylum(), recorded.confidence(), null));

        BorderFigures figures = figures(FigureFilter.none());
        assertThat(figures.legs()).extracting(l -> l.leg().toString()).containsExactly("HR→BA");
        assertThat(figures.total().incidents()).isEqualTo(1);
    }

    @Test
    void mergedIncidentsAreCountedOnceAndRetractedOnlyOnRequest() {
        IncidentId survivor = report(pushbackHuRs(JULY_14));
        IncidentId duplicate = report(pushbackHuRs(JULY_14));
        IncidentId retracted = report(pushbackHuRs(JULY_14));
        merge(duplicate, survivor);
        retract(retracted);

        assertThat(figures(FigureFilter.none()).total().incidentIds()).containsExactly(survivor);
        FigureFilter withRetracted = new FigureFilter(null, null, null, null, null, null, null, null, null, null, true);
        assertThat(figures(withRetracted).total().incidentIds()).containsExactlyInAnyOrder(survivor, retracted);
    }

    @Test
    void incidentsWithoutBorderLegsAreNotCounted() {
        report(policeViolenceRs(java.time.YearMonth.of(2023, 7)));
        assertThat(rows("fact_incident")).isEqualTo(1);
        assertThat(figures(FigureFilter.none()).total().incidents()).isZero();
        assertThat(figures(FigureFilter.none()).legs()).isEmpty();
    }

    @Test
    void filtersNarrowTheIncidentsCounted() {
        IncidentId huRs = report(pushbackHuRs(JULY_14));
        IncidentId chain = report(chainAtSiHrBa(IncidentDate.exactDay(LocalDate.of(2022, 3, 1))));
        corroborate(huRs, ConfidenceStatus.CONFIRMED);

        assertThat(ids(new FigureFilter(LocalDate.of(2023, 1, 1), null, null, null, null, null, null, null, null,
                null, false))).containsExactly(huRs);
        assertThat(ids(new FigureFilter(null, null, null, Set.of(ConfidenceStatus.CONFIRMED), null, null, null, null,
                null, null, false))).containsExactly(huRs);
        assertThat(ids(new FigureFilter(null, null, null, null, null, null, null, null, CountryCode.of("PK"), null,
                false))).containsExactly(chain);
        assertThat(ids(new FigureFilter(null, null, null, null, null, null, null, null, null,
                ViolationCode.DOG_ATTACK, false))).containsExactly(huRs);
        assertThat(ids(new FigureFilter(null, null, null, null, null, CountryCode.of("SI"), null, null, null, null,
                false))).containsExactly(chain);
        assertThat(ids(new FigureFilter(null, null, null, null, null, null, CountryCode.of("HR"),
                eu.borderviolence.registry.core.api.AgencyType.INTERVENTION_POLICE, null, null, false)))
                .containsExactly(chain);
        BorderFigures oneLeg = figures(new FigureFilter(null, null, null, null, BorderLeg.of("SI", "HR"), null, null,
                null, null, null, false));
        assertThat(oneLeg.legs()).extracting(l -> l.leg().toString()).containsExactly("SI→HR");
        assertThat(oneLeg.total().incidentIds()).containsExactly(chain);
        // A leg is directed: the way back was crossed by no one.
        assertThat(ids(new FigureFilter(null, null, null, null, BorderLeg.of("HR", "SI"), null, null, null, null,
                null, false))).isEmpty();
    }

    @Test
    void redeliveredEventsChangeNothingAndAResetEmptiesTheView() {
        IncidentId id = report(pushbackHuRs(JULY_14));
        EventMessage<?> correction = correct(id, chainHuRsMk(JULY_14));
        retract(id);
        events.deliver(correction);

        FigureFilter withRetracted = new FigureFilter(null, null, null, null, null, null, null, null, null, null, true);
        assertThat(figures(withRetracted).legs()).extracting(l -> l.leg().toString()).containsExactly("HU→RS", "RS→MK");
        assertThat(figures(FigureFilter.none()).total().incidents()).isZero();

        events.reset();
        assertThat(rows("fact_incident")).isZero();
    }

    private java.util.List<IncidentId> ids(FigureFilter filter) {
        return figures(filter).total().incidentIds();
    }
}
