package eu.borderviolence.registry.projections.quarterly;

import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.IncidentDate;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.figures.Count;
import eu.borderviolence.registry.core.api.figures.FigureFilter;
import eu.borderviolence.registry.core.api.figures.FindQuarterlyReportQuery;
import eu.borderviolence.registry.core.api.figures.NationalityShare;
import eu.borderviolence.registry.core.api.figures.Quarter;
import eu.borderviolence.registry.core.api.figures.QuarterlyReport;
import eu.borderviolence.registry.projections.figures.FigureProjectionTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static eu.borderviolence.registry.projections.Incidents.chainAtSiHrBa;
import static eu.borderviolence.registry.projections.Incidents.chainHuRsMk;
import static eu.borderviolence.registry.projections.Incidents.policeViolenceRs;
import static eu.borderviolence.registry.projections.Incidents.pushbackHuRs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class QuarterlyReportProjectionTest extends FigureProjectionTest {

    private static final Quarter Q3_2023 = Quarter.parse("2023-Q3");

    private QuarterlyReportProjection projection;

    @Override
    protected Object projection() {
        projection = new QuarterlyReportProjection(facts);
        return projection;
    }

    private QuarterlyReport report(Quarter quarter) {
        return projection.find(new FindQuarterlyReportQuery(quarter, FigureFilter.none(), true));
    }

    @Test
    void theReportOpensWithTheQuartersFigures() {
        IncidentId huRs = report(pushbackHuRs(LocalDate.of(2023, 7, 14)));
        IncidentId chain = report(chainAtSiHrBa(IncidentDate.exactDay(LocalDate.of(2023, 9, 30))));
        report(chainHuRsMk(LocalDate.of(2023, 10, 1)));
        report(policeViolenceRs(YearMonth.of(2023, 8)));

        QuarterlyReport report = report(Q3_2023);

        assertThat(report.from()).isEqualTo(LocalDate.of(2023, 7, 1));
        assertThat(report.to()).isEqualTo(LocalDate.of(2023, 9, 30));
        assertThat(report.total().incidents()).isEqualTo(3);
        assertThat(report.total().people()).isEqualTo(12 + 6 + 30);
        assertThat(report.total().unaccompaniedMinors()).isEqualTo(2);
        assertThat(report.pushbacks().incidents()).isEqualTo(2);
        assertThat(report.chainPushbacks().incidentIds()).containsExactly(chain);
        // 7 Afghans and 5 Syrians at Horgoš, 6 Pakistanis in the chain: 18 of known nationality, 30 unrecorded.
        assertThat(report.nationalities()).containsExactly(
                new NationalityShare(CountryCode.of("AF"), 7, 38.9),
                new NationalityShare(CountryCode.of("PK"), 6, 33.3),
                new NationalityShare(CountryCode.of("SY"), 5, 27.8));
        assertThat(report.peopleOfUnrecordedNationality()).isEqualTo(30);
        assertThat(report.pushbacksPerBorder()).extracting(Count::key)
                .containsExactly("AT-SI", "HR-BA", "HU-RS", "SI-HR");
        assertThat(report.exitPoints()).extracting(Count::key, Count::incidents)
                .containsExactly(tuple("AT", 1L), tuple("HR", 1L), tuple("HU", 1L), tuple("SI", 1L));
        assertThat(report.entryPoints()).extracting(Count::key)
                .containsExactly("BA", "HR", "RS", "SI");
        assertThat(report.frontex().incidentIds()).containsExactly(chain);
        assertThat(report.foreignOfficers().incidents()).isZero();
        assertThat(report.total().incidentIds()).contains(huRs);
    }

    @Test
    void anIncidentKnownOnlyToTheMonthCountsInTheQuarterItsMonthBeginsIn() {
        report(policeViolenceRs(YearMonth.of(2023, 9)));
        assertThat(report(Q3_2023).total().incidents()).isEqualTo(1);
        assertThat(report(Quarter.parse("2023-Q4")).total().incidents()).isZero();
    }

    @Test
    void sharesRoundHalfUpToOneDecimal() {
        assertThat(QuarterlyReportProjection.shares(java.util.Map.of(CountryCode.of("AF"), 1L,
                CountryCode.of("SY"), 2L))).extracting(NationalityShare::percent).containsExactly(66.7, 33.3);
    }
}
