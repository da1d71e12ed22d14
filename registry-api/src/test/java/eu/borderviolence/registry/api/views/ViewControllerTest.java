package eu.borderviolence.registry.api.views;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.api.error.FiguresComputingException;
import eu.borderviolence.registry.api.security.Role;
import eu.borderviolence.registry.api.security.SecuredWebMvc;
import eu.borderviolence.registry.api.security.WithRegistryUser;
import eu.borderviolence.registry.api.rest.ParameterRecordResolver;
import eu.borderviolence.registry.api.rest.ViewConsistency;
import eu.borderviolence.registry.core.api.AgencyType;
import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.ViolationCode;
import eu.borderviolence.registry.core.api.figures.AuthorityFiguresPage;
import eu.borderviolence.registry.core.api.figures.BorderFigures;
import eu.borderviolence.registry.core.api.figures.Count;
import eu.borderviolence.registry.core.api.figures.FigureFilter;
import eu.borderviolence.registry.core.api.figures.Figures;
import eu.borderviolence.registry.core.api.figures.FindAuthorityFiguresQuery;
import eu.borderviolence.registry.core.api.figures.FindBorderFiguresQuery;
import eu.borderviolence.registry.core.api.figures.FindFrontexPresenceQuery;
import eu.borderviolence.registry.core.api.figures.FindQuarterlyReportQuery;
import eu.borderviolence.registry.core.api.figures.FindReadmissionFiguresQuery;
import eu.borderviolence.registry.core.api.figures.FrontexPresenceFigures;
import eu.borderviolence.registry.core.api.figures.IncidentSearchPage;
import eu.borderviolence.registry.core.api.figures.NationalityShare;
import eu.borderviolence.registry.core.api.figures.QuarterlyReport;
import eu.borderviolence.registry.core.api.figures.ReadmissionFigures;
import eu.borderviolence.registry.core.api.figures.SearchIncidentsQuery;
import eu.borderviolence.registry.core.api.figures.SearchOrder;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@Import(SecuredWebMvc.class)
@WebMvcTest(controllers = ViewController.class)

@WithRegistryUser(role = Role.LAWYER, username = "lawyer-3")
class ViewControllerTest {

    private static final IncidentId INCIDENT = IncidentId.random();
    private static final Figures FIGURES = new Figures(2, 24, 0, 8, 4, 0, 0, 1, 2,
            Map.of(ViolationCode.BEATING, 2L), List.of(INCIDENT));
    private static final Count COUNT = new Count("HU-RS", 2, 24, List.of(INCIDENT));

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @MockitoBean
    QueryGateway queries;
    @MockitoBean
    ViewAnswers answers;

    /** Every answer computed afresh: what is kept, and when, is {@link ViewAnswersTest}'s subject. */
    @BeforeEach
    void computeEveryAnswer() {
        when(answers.answer(any(), any(), any(), any(), any()))
                .thenAnswer(call -> JsonAnswer.of(json, call.<Supplier<?>>getArgument(4).get()));
    }

    private <Q> Q asked(Class<Q> queryType, Class<?> answerType) {
        ArgumentCaptor<Q> query = ArgumentCaptor.forClass(queryType);
        verify(queries).query(query.capture(), eq(answerType));
        return query.getValue();
    }

    private void answer(Class<?> queryType, Object answer) {
        when(queries.query(any(queryType), any(Class.class))).thenReturn(CompletableFuture.completedFuture(answer));
    }

    @Test
    void borderFiguresPassEveryFilterOn() throws Exception {
        answer(FindBorderFiguresQuery.class, new BorderFigures(FIGURES, List.of(), List.of(COUNT)));
        mvc.perform(get("/api/v1/views/borders").param("from", "2023-01-01").param("to", "2023-12-31")
                        .param("kind", "PUSHBACK").param("confidence", "CONFIRMED").param("confidence", "LIKELY")
                        .param("borderLeg", "HU-RS").param("country", "RS").param("authorityCountry", "HU")
                        .param("agency", "BORDER_POLICE").param("nationality", "AF").param("violation", "BEATING")
                        .param("includeRetracted", "true").param("listIncidents", "true")
                        .param("consistency", "STRONG"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.people").value(24))
                .andExpect(jsonPath("$.total.violations.BEATING").value(2))
                .andExpect(jsonPath("$.chains[0].incidentIds[0]").value(INCIDENT.toString()));
        FindBorderFiguresQuery query = asked(FindBorderFiguresQuery.class, BorderFigures.class);
        assertThat(query.listIncidents()).isTrue();
        assertThat(query.filter()).isEqualTo(new FigureFilter(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31),
                IncidentKind.PUSHBACK, Set.of(ConfidenceStatus.CONFIRMED, ConfidenceStatus.LIKELY),
                BorderLeg.of("HU", "RS"), CountryCode.of("RS"), CountryCode.of("HU"), AgencyType.BORDER_POLICE,
                CountryCode.of("AF"), ViolationCode.BEATING, true));
        verify(answers).answer(eq("incident-facts"), eq(ViewConsistency.Level.STRONG), any(), any(), any());
    }

    @Test
    void aKeptAnswerIsSentAsTheJsonItWasWrittenAsWithItsLength() throws Exception {
        JsonAnswer<BorderFigures> kept = JsonAnswer.of(json, new BorderFigures(FIGURES, List.of(), List.of(COUNT)));
        doAnswer(call -> kept).when(answers).answer(any(), any(), any(), any(), any());
        byte[] written = json.writeValueAsBytes(new BorderFigures(FIGURES, List.of(), List.of(COUNT)));

        byte[] sent = mvc.perform(get("/api/v1/views/borders"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/json"))
                .andExpect(header().longValue("Content-Length", written.length))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(sent).isEqualTo(written);
        verifyNoInteractions(queries);
    }

    @Test
    void withoutFiltersEveryActiveIncidentCountsAndNoIdsAreListed() throws Exception {
        answer(FindAuthorityFiguresQuery.class, new AuthorityFiguresPage(FIGURES, List.of()));
        mvc.perform(get("/api/v1/views/authorities")).andExpect(status().isOk());
        FindAuthorityFiguresQuery query = asked(FindAuthorityFiguresQuery.class, AuthorityFiguresPage.class);
        assertThat(query.filter()).isEqualTo(FigureFilter.none());
        assertThat(query.listIncidents()).isFalse();
        verify(answers).answer(eq("incident-facts"), eq(ViewConsistency.Level.EVENTUAL), any(), any(), any());
    }

    @Test
    void frontexAndReadmissionViewsAnswer() throws Exception {
        answer(FindFrontexPresenceQuery.class, new FrontexPresenceFigures(FIGURES, List.of(COUNT), List.of(),
                List.of(), List.of(), List.of(), FIGURES, List.of(), List.of(), List.of(), List.of()));
        answer(FindReadmissionFiguresQuery.class, new ReadmissionFigures(FIGURES, List.of(COUNT), List.of(),
                List.of(), List.of()));
        mvc.perform(get("/api/v1/views/frontex").param("kind", "PUSHBACK"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.frontexByRole[0].key").value("HU-RS"));
        mvc.perform(get("/api/v1/views/readmissions"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.bySendingAndReceivingState[0].people").value(24));
    }

    private static QuarterlyReport quarterlyReport() {
        return new QuarterlyReport("2023-Q3", LocalDate.of(2023, 7, 1), LocalDate.of(2023, 9, 30), FIGURES, COUNT,
                new Count("chain pushbacks", 0, 0, null), List.of(new NationalityShare(CountryCode.of("AF"), 7, 58.3),
                new NationalityShare(CountryCode.of("SY"), 5, 41.7)), 12, List.of(COUNT),
                List.of(new Count("HU", 2, 24, null)), List.of(new Count("RS", 2, 24, null)), COUNT, COUNT);
    }

    @Test
    void theQuarterlyReportAnswersJsonForTheQuarter() throws Exception {
        answer(FindQuarterlyReportQuery.class, quarterlyReport());
        mvc.perform(get("/api/v1/views/quarterly-report/2023-Q3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nationalities[0].percent").value(58.3));
        assertThat(asked(FindQuarterlyReportQuery.class, QuarterlyReport.class).quarter().toString())
                .isEqualTo("2023-Q3");
    }

    @Test
    void theQuarterlyReportAnswersCsvWhenAskedFor() throws Exception {
        answer(FindQuarterlyReportQuery.class, quarterlyReport());
        String csv = mvc.perform(get("/api/v1/views/quarterly-report/2023-Q3").accept("text/csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("quarterly-report-2023-Q3.csv")))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv.split("\r\n")).startsWith("section,key,incidents,people,percent", "quarter,2023-Q3,,,",
                "total,incidents,2,24,").contains("nationality,AF,,7,58.3", "nationality,unrecorded,,12,",
                "border,HU-RS,2,24,", "exit point,HU,2,24,", "entry point,RS,2,24,", "violation,BEATING,2,,");
    }

    @Test
    @WithRegistryUser(role = Role.ANALYST)
    void analystsSeeSmallCellsSuppressed() throws Exception {
        Figures large = new Figures(40, 400, 0, 60, 12, 5, 30, 9, 3,
                Map.of(ViolationCode.BEATING, 25L, ViolationCode.DOG_ATTACK, 2L), List.of(INCIDENT));
        answer(FindBorderFiguresQuery.class, new BorderFigures(large, List.of(), List.of(COUNT)));
        String body = mvc.perform(get("/api/v1/views/borders").param("listIncidents", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total.people").value(400))
                .andExpect(jsonPath("$.total.violations.BEATING").value(25))
                .andExpect(jsonPath("$.total.violations.DOG_ATTACK").doesNotExist())
                .andExpect(jsonPath("$.chains[0].key").value("HU-RS"))
                .andExpect(jsonPath("$.chains[0].suppressed").value(true))
                .andExpect(jsonPath("$.chains[0].incidents").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("\"DOG_ATTACK\":null", "\"incidents\":null").doesNotContain(INCIDENT.toString()
                .substring(0, 8) + "\"]", "\"people\":24");
    }

    @Test
    @WithRegistryUser(role = Role.ANALYST)
    void analystsGetTheQuarterlyCsvSuppressedToo() throws Exception {
        answer(FindQuarterlyReportQuery.class, quarterlyReport());
        String csv = mvc.perform(get("/api/v1/views/quarterly-report/2023-Q3").accept("text/csv"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv.split("\r\n")).contains("nationality,AF,,7,58.3", "nationality,SY,,5,41.7",
                "border,HU-RS (suppressed),,,", "total,incidents,,,");
    }

    @Test
    void aMalformedQuarterIsRefused() throws Exception {
        mvc.perform(get("/api/v1/views/quarterly-report/2023-Q5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("quarter"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a quarter such as 2023-Q3"));
        verify(queries, never()).query(any(), any(Class.class));
    }

    @Test
    void figuresSlowerThanARequestWaitsAreAskedForAgainLater() throws Exception {
        doThrow(FiguresComputingException.stillComputing(Duration.ofSeconds(20)))
                .when(answers).answer(any(), any(), any(), any(), any());
        mvc.perform(get("/api/v1/views/borders"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("/problems/figures-computing"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("ask again")));
    }

    @Test
    void searchPassesOrderAndPageOn() throws Exception {
        answer(SearchIncidentsQuery.class, new IncidentSearchPage(List.of(), 2, 10, 21));
        mvc.perform(get("/api/v1/views/search").param("nationality", "SY").param("sort", "PEOPLE_DESC")
                        .param("page", "2").param("size", "10"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(21));
        SearchIncidentsQuery query = asked(SearchIncidentsQuery.class, IncidentSearchPage.class);
        assertThat(query.order()).isEqualTo(SearchOrder.PEOPLE_DESC);
        assertThat(query.page()).isEqualTo(2);
        assertThat(query.filter().nationality()).isEqualTo(CountryCode.of("SY"));
    }

    @Test
    void theFilterRecordsAreBoundByTheRegistrysBindingBeforeSpringsCatchAll(
            @Autowired RequestMappingHandlerAdapter adapter) {
        List<HandlerMethodArgumentResolver> resolvers = adapter.getArgumentResolvers();
        int registrys = resolvers.indexOf(resolvers.stream().filter(ParameterRecordResolver.class::isInstance)
                .findFirst().orElseThrow());
        int springsCatchAll = resolvers.indexOf(resolvers.stream()
                .filter(ServletModelAttributeMethodProcessor.class::isInstance).reduce((first, last) -> last)
                .orElseThrow());
        assertThat(registrys).isLessThan(springsCatchAll);
    }

    @Test
    void badFiltersAreRefusedNamingTheParameterWithoutEchoingIt() throws Exception {
        mvc.perform(get("/api/v1/views/borders").param("kind", "SHIPWRECK"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "must be one of PUSHBACK, POLICE_VIOLENCE, READMISSION_DEPORTATION"))
                .andExpect(content().string(not(containsString("SHIPWRECK"))));
        mvc.perform(get("/api/v1/views/borders").param("country", "Röszke"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("country"))
                .andExpect(content().string(not(containsString("Röszke"))));
        mvc.perform(get("/api/v1/views/borders").param("from", "yesterday"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(content().string(not(containsString("yesterday"))));
        mvc.perform(get("/api/v1/views/borders").param("from", "2023-12-01").param("to", "2023-01-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/views/borders").param("borderLeg", "HU>RS"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("borderLeg"));
        mvc.perform(get("/api/v1/views/borders").param("agency", "BORDER_POLICE"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("agency"));
        mvc.perform(get("/api/v1/views/search").param("size", "500"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/views/search").param("sort", "RANDOM"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sort"));
        verify(queries, never()).query(any(), any(Class.class));
    }
}
