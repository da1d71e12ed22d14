package eu.borderviolence.registry.projections.readmission;

import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.figures.Count;
import eu.borderviolence.registry.core.api.figures.FigureFilter;
import eu.borderviolence.registry.core.api.figures.FindReadmissionFiguresQuery;
import eu.borderviolence.registry.core.api.figures.ReadmissionFigures;
import eu.borderviolence.registry.projections.figures.FigureProjectionTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static eu.borderviolence.registry.projections.Incidents.pushbackHuRs;
import static eu.borderviolence.registry.projections.Incidents.readmissionRoRs;
import static org.assertj.core.api.Assertions.assertThat;

class ReadmissionFiguresProjectionTest extends FigureProjectionTest {

    private ReadmissionFiguresProjection projection;

    @Override
    protected Object projection() {
        projection = new ReadmissionFiguresProjection(facts);
        return projection;
    }

    @Test
    void readmissionsAreCountedByStatesLegalBasisAndDublinChain() {
        IncidentId first = report(readmissionRoRs(LocalDate.of(2021, 11, 20)));
        IncidentId second = report(readmissionRoRs(LocalDate.of(2022, 2, 3)));
        report(pushbackHuRs(LocalDate.of(2022, 2, 3)));

        ReadmissionFigures figures = projection.find(new FindReadmissionFiguresQuery(FigureFilter.none(), true));

        assertThat(figures.total().incidents()).isEqualTo(2);
        assertThat(figures.total().asylumRefused()).isEqualTo(2);
        List<IncidentId> both = first.toString().compareTo(second.toString()) < 0
                ? List.of(first, second) : List.of(second, first);
        assertThat(figures.bySendingAndReceivingState()).containsExactly(new Count("RO-RS", 2, 2, both));
        assertThat(figures.byLegalBasis()).extracting(Count::key)
                .containsExactly("EU_SERBIA_READMISSION_AGREEMENT_2007");
        assertThat(figures.dublinThenReadmission()).extracting(Count::key).containsExactly("AT-RO-RS");
        assertThat(figures.byQuarter()).extracting(Count::key).containsExactly("2021-Q4", "2022-Q1");
        assertThat(rows("fact_incident")).isEqualTo(3);
    }

    @Test
    void withoutListingTheIncidentsNoIdsAreReturned() {
        report(readmissionRoRs(LocalDate.of(2021, 11, 20)));
        ReadmissionFigures figures = projection.find(new FindReadmissionFiguresQuery(FigureFilter.none(), false));
        assertThat(figures.total().incidentIds()).isNull();
        assertThat(figures.bySendingAndReceivingState().get(0).incidentIds()).isNull();
    }

    @Test
    void aFilterOnAnotherKindCountsNothingAndOnReadmissionsCountsThem() {
        IncidentId readmission = report(readmissionRoRs(LocalDate.of(2021, 11, 20)));
        report(pushbackHuRs(LocalDate.of(2021, 11, 20)));

        FigureFilter pushbacks = FigureFilter.none().ofKind(IncidentKind.PUSHBACK);
        FigureFilter readmissions = FigureFilter.none().ofKind(IncidentKind.READMISSION_DEPORTATION);
        assertThat(projection.find(new FindReadmissionFiguresQuery(pushbacks, true)).total().incidents()).isZero();
        assertThat(projection.find(new FindReadmissionFiguresQuery(readmissions, true)).total().incidentIds())
                .containsExactly(readmission);
    }
}
