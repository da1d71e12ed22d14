package eu.borderviolence.registry.core.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import eu.borderviolence.registry.core.StoredJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dates as clients send them (short forms) and as the registry stores them (a period). */
class IncidentDateTest {

    private final ObjectMapper json = StoredJson.mapper();

    private IncidentDate read(String body) throws Exception {
        return json.readValue(body, IncidentDate.class);
    }

    @Test
    void anExactDayIsAPeriodOfOneDay() throws Exception {
        IncidentDate date = read("{\"precision\":\"EXACT_DAY\",\"date\":\"2023-07-14\"}");

        assertThat(date).isEqualTo(new IncidentDate(DatePrecision.EXACT_DAY, LocalDate.of(2023, 7, 14),
                LocalDate.of(2023, 7, 14), null));
    }

    @Test
    void aDateWithoutTheDayIsTheWholeMonth() throws Exception {
        IncidentDate date = read("{\"precision\":\"DAY_UNKNOWN\",\"month\":\"2023-07\"}");

        assertThat(date).isEqualTo(new IncidentDate(DatePrecision.DAY_UNKNOWN, LocalDate.of(2023, 7, 1),
                LocalDate.of(2023, 7, 31), null));
    }

    @Test
    void aMonthInALeapYearEndsOnItsLastDay() throws Exception {
        IncidentDate february = read("{\"precision\":\"DAY_UNKNOWN\",\"month\":\"2024-02\"}");

        assertThat(february.latest()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void aDateWithoutTheMonthIsTheWholeYear() throws Exception {
        IncidentDate date = read("{\"precision\":\"MONTH_UNKNOWN\",\"year\":2023}");

        assertThat(date).isEqualTo(new IncidentDate(DatePrecision.MONTH_UNKNOWN, LocalDate.of(2023, 1, 1),
                LocalDate.of(2023, 12, 31), null));
    }

    @Test
    void anEstimatedPeriodIsKeptAsGiven() throws Exception {
        IncidentDate date = read(
                "{\"precision\":\"ESTIMATED_RANGE\",\"earliest\":\"2023-03-20\",\"latest\":\"2023-03-31\"}");

        assertThat(date).isEqualTo(IncidentDate.between(LocalDate.of(2023, 3, 20), LocalDate.of(2023, 3, 31)));
    }

    @Test
    void aShortFormKeepsTheTimeOfDay() throws Exception {
        IncidentDate date = read("{\"precision\":\"EXACT_DAY\",\"date\":\"2023-07-14\",\"timeOfDay\":\"NIGHT\"}");

        assertThat(date.timeOfDay()).isEqualTo(TimeOfDay.NIGHT);
    }

    @Test
    void isStoredAsAnISOPeriodAndReadBackTheSame() throws Exception {
        IncidentDate month = IncidentDate.inMonth(YearMonth.of(2022, 11)).at(TimeOfDay.MORNING);

        String stored = json.writeValueAsString(month);

        assertThat(stored).contains("\"earliest\":\"2022-11-01\"", "\"latest\":\"2022-11-30\"")
                .doesNotContain("reachesBeyond");
        assertThat(read(stored)).isEqualTo(month);
    }

    @Test
    void anExactDayMustBeOneDay() {
        assertThatRefused("{\"precision\":\"EXACT_DAY\",\"earliest\":\"2023-07-14\",\"latest\":\"2023-07-15\"}",
                "an exact day is a single day");
    }

    @Test
    void aDateWithoutTheDayMustSpanOneCalendarMonth() {
        assertThatRefused("{\"precision\":\"DAY_UNKNOWN\",\"earliest\":\"2023-07-02\",\"latest\":\"2023-07-31\"}",
                "exactly one calendar month");
        assertThatRefused("{\"precision\":\"DAY_UNKNOWN\",\"earliest\":\"2023-07-01\",\"latest\":\"2023-08-31\"}",
                "exactly one calendar month");
    }

    @Test
    void aDateWithoutTheMonthMustSpanOneCalendarYear() {
        assertThatRefused("{\"precision\":\"MONTH_UNKNOWN\",\"earliest\":\"2023-01-01\",\"latest\":\"2023-12-30\"}",
                "exactly one calendar year");
    }

    @Test
    void anEstimatedPeriodSpansAtMostTwoYears() {
        assertThatRefused(
                "{\"precision\":\"ESTIMATED_RANGE\",\"earliest\":\"2020-03-01\",\"latest\":\"2022-03-02\"}",
                "at most two years");
        assertThatIllegalArgumentException().isThrownBy(() -> IncidentDate.between(LocalDate.of(2020, 3, 1),
                LocalDate.of(2022, 3, 2)));
    }

    @Test
    void aPeriodCannotEndBeforeItStarts() {
        assertThatRefused(
                "{\"precision\":\"ESTIMATED_RANGE\",\"earliest\":\"2023-03-31\",\"latest\":\"2023-03-20\"}",
                "earliest must not be after latest");
    }

    @Test
    void eachPrecisionNeedsItsOwnShortForm() {
        assertThatRefused("{\"precision\":\"EXACT_DAY\",\"month\":\"2023-07\"}", "date is required");
        assertThatRefused("{\"precision\":\"DAY_UNKNOWN\",\"date\":\"2023-07-14\"}", "month is required");
        assertThatRefused("{\"precision\":\"MONTH_UNKNOWN\",\"month\":\"2023-07\"}", "year is required");
        assertThatRefused("{\"precision\":\"ESTIMATED_RANGE\",\"year\":2023}", "earliest and latest");
    }

    @Test
    void aPeriodNeedsBothEnds() {
        assertThatRefused("{\"precision\":\"ESTIMATED_RANGE\",\"earliest\":\"2023-03-20\"}", "is required");
    }

    @Test
    void aDateNeedsItsPrecision() {
        assertThatRefused("{\"date\":\"2023-07-14\"}", "date precision is required");
    }

    /** Two answers to "when" in one date: the registry must not pick one of them silently. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"precision\":\"EXACT_DAY\",\"date\":\"2023-07-14\",\"earliest\":\"2023-07-10\",\"latest\":\"2023-07-10\"}",
            "{\"precision\":\"EXACT_DAY\",\"date\":\"2023-07-14\",\"month\":\"2022-01\"}",
            "{\"precision\":\"DAY_UNKNOWN\",\"month\":\"2023-07\",\"year\":2021}"})
    void refusesADateGivenInTwoForms(String body) {
        assertThatRefused(body, "either");
    }

    @Test
    void refusesUnknownFields() {
        assertThatThrownBy(() -> read("{\"precision\":\"EXACT_DAY\",\"date\":\"2023-07-14\",\"day\":14}"))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void knowsWhetherItReachesIntoTheFuture() {
        IncidentDate july = IncidentDate.inMonth(YearMonth.of(2023, 7));

        assertThat(july.reachesBeyond(LocalDate.of(2023, 7, 14))).isTrue();
        assertThat(july.reachesBeyond(LocalDate.of(2023, 7, 31))).isFalse();
    }

    private void assertThatRefused(String body, String reason) {
        assertThatThrownBy(() -> read(body))
                .isInstanceOf(JsonMappingException.class)
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
