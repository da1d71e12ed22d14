package eu.borderviolence.registry.projections.search;

import eu.borderviolence.registry.core.api.IncidentDate;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.IncidentStatus;
import eu.borderviolence.registry.core.api.figures.FigureFilter;
import eu.borderviolence.registry.core.api.figures.IncidentSearchHit;
import eu.borderviolence.registry.core.api.figures.IncidentSearchPage;
import eu.borderviolence.registry.core.api.figures.SearchIncidentsQuery;
import eu.borderviolence.registry.core.api.figures.SearchOrder;
import eu.borderviolence.registry.projections.figures.FigureProjectionTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static eu.borderviolence.registry.projections.Incidents.chainAtSiHrBa;
import static eu.borderviolence.registry.projections.Incidents.policeViolenceRs;
import static eu.borderviolence.registry.projections.Incidents.pushbackHuRs;
import static eu.borderviolence.registry.projections.Incidents.readmissionRoRs;
import static org.assertj.core.api.Assertions.assertThat;

class IncidentSearchProjectionTest extends FigureProjectionTest {

    private IncidentSearchProjection projection;

    @Override
    protected Object projection() {
        projection = new IncidentSearchProjection(facts);
        return projection;
    }

    private IncidentSearchPage search(FigureFilter filter, SearchOrder order, int page, int size) {
        return projection.search(new SearchIncidentsQuery(filter, order, page, size));
    }

    @Test
    void pagesAreOrderedAndCountEveryMatch() {
        IncidentId newest = report(pushbackHuRs(LocalDate.of(2023, 7, 14)));
        IncidentId middle = report(readmissionRoRs(LocalDate.of(2021, 11, 20)));
        IncidentId oldest = report(chainAtSiHrBa(IncidentDate.exactDay(LocalDate.of(2020, 3, 1))));
        IncidentId largest = report(policeViolenceRs(YearMonth.of(2019, 5)));

        IncidentSearchPage first = search(FigureFilter.none(), SearchOrder.DATE_DESC, 0, 2);
        IncidentSearchPage second = search(FigureFilter.none(), SearchOrder.DATE_DESC, 1, 2);
        assertThat(first.totalItems()).isEqualTo(4);
        assertThat(first.items()).extracting(IncidentSearchHit::incidentId).containsExactly(newest, middle);
        assertThat(second.items()).extracting(IncidentSearchHit::incidentId).containsExactly(oldest, largest);
        assertThat(search(FigureFilter.none(), SearchOrder.PEOPLE_DESC, 0, 1).items().get(0).incidentId())
                .isEqualTo(largest);
        assertThat(search(FigureFilter.none(), SearchOrder.DATE_ASC, 0, 1).items().get(0).incidentId())
                .isEqualTo(largest);
    }

    @Test
    void hitsSummariseTheFactsAndFiltersCombine() {
        IncidentId chain = report(chainAtSiHrBa(IncidentDate.exactDay(LocalDate.of(2020, 3, 1))));
        report(pushbackHuRs(LocalDate.of(2023, 7, 14)));

        FigureFilter pushbacksBefore2021 = FigureFilter.none().ofKind(IncidentKind.PUSHBACK)
                .between(null, LocalDate.of(2020, 12, 31));
        IncidentSearchPage page = search(pushbacksBefore2021, null, 0, 20);

        assertThat(page.totalItems()).isEqualTo(1);
        IncidentSearchHit hit = page.items().get(0);
        assertThat(hit.incidentId()).isEqualTo(chain);
        assertThat(hit.status()).isEqualTo(IncidentStatus.ACTIVE);
        assertThat(hit.groupSize()).isEqualTo(6);
        assertThat(hit.frontex()).isNotNull();
        assertThat(hit.borderLegs()).hasSize(3);
    }

    @Test
    void retractedIncidentsAreFoundOnlyOnRequest() {
        IncidentId id = report(pushbackHuRs(LocalDate.of(2023, 7, 14)));
        retract(id);
        assertThat(search(FigureFilter.none(), null, 0, 20).totalItems()).isZero();
        FigureFilter withRetracted = new FigureFilter(null, null, null, null, null, null, null, null, null, null, true);
        assertThat(search(withRetracted, null, 0, 20).items()).extracting(IncidentSearchHit::status)
                .containsExactly(IncidentStatus.RETRACTED);
    }
}
