package eu.borderviolence.registry.api.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.api.error.InvalidRequestException;
import eu.borderviolence.registry.api.rest.CallerArgumentResolver;
import eu.borderviolence.registry.api.rest.ViewConsistency;
import eu.borderviolence.registry.core.api.figures.AuthorityFiguresPage;
import eu.borderviolence.registry.core.api.figures.BorderFigures;
import eu.borderviolence.registry.core.api.figures.FindAuthorityFiguresQuery;
import eu.borderviolence.registry.core.api.figures.FindBorderFiguresQuery;
import eu.borderviolence.registry.core.api.figures.FindFrontexPresenceQuery;
import eu.borderviolence.registry.core.api.figures.FindQuarterlyReportQuery;
import eu.borderviolence.registry.core.api.figures.FindReadmissionFiguresQuery;
import eu.borderviolence.registry.core.api.figures.FrontexPresenceFigures;
import eu.borderviolence.registry.core.api.figures.IncidentSearchPage;
import eu.borderviolence.registry.core.api.figures.Quarter;
import eu.borderviolence.registry.core.api.figures.QuarterlyReport;
import eu.borderviolence.registry.core.api.figures.ReadmissionFigures;
import eu.borderviolence.registry.core.api.figures.SearchIncidentsQuery;
import eu.borderviolence.registry.core.api.figures.SearchOrder;
import eu.borderviolence.registry.projections.figures.IncidentFactsProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The advocacy views: figures per border, per authority, of Frontex presence, of readmissions, the quarterly report
 * and the incident search. Each view computes its figures from the shared incident facts (processor
 * {@value IncidentFactsProjection#PROCESSING_GROUP}), counting the incidents it is about; see docs/views.md for what
 * each figure counts. Every figure can list the incidents it counted ({@code listIncidents=true}; always in the Frontex view).
 * Answers are kept until the incidents change ({@link ViewAnswers}).
 */
@RestController
@RequestMapping(path = "/api/v1/views", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Views", description = "Figures for advocacy and legal submissions, rebuildable from the events.")
public class ViewController {

    static final String CSV = "text/csv";

    private final QueryGateway queries;
    private final SmallCells smallCells;
    private final ObjectMapper json;
    private final ViewAnswers answers;

    ViewController(QueryGateway queries, SmallCells smallCells, ObjectMapper json, ViewAnswers answers) {
        this.queries = queries;
        this.smallCells = smallCells;
        this.json = json;
        this.answers = answers;
    }

    @Operation(summary = "Figures per border",
            description = "Per directed border leg: incidents, people, minors, unaccompanied minors, violations, "
                    + "asylum refused, top authorities, by month and by quarter; and chain pushbacks per route. A "
                    + "chain pushback counts on every leg it passed and once in the total.")
    @GetMapping("/borders")
    public JsonAnswer<BorderFigures> borders(FigureParameters filter, Explanation explanation) {
        return ask(IncidentFactsProjection.PROCESSING_GROUP, explanation, new FindBorderFiguresQuery(filter.filter(), explanation.listed()), BorderFigures.class);
    }

    @Operation(summary = "Figures per authority",
            description = "Per authority (country and agency): incidents, people, violations, units, borders, joint "
                    + "operations with foreign officers and their states, Frontex co-presence.")
    @GetMapping("/authorities")
    public JsonAnswer<AuthorityFiguresPage> authorities(FigureParameters filter, Explanation explanation) {
        return ask(IncidentFactsProjection.PROCESSING_GROUP, explanation, new FindAuthorityFiguresQuery(filter.filter(), explanation.listed()),
                AuthorityFiguresPage.class);
    }

    @Operation(summary = "Frontex presence and foreign officers",
            description = "Incidents with Frontex observing or participating, by role, host country, border leg, "
                    + "recognition and quarter; the same for officers of third states. Every figure lists its "
                    + "incidents.")
    @GetMapping("/frontex")
    public JsonAnswer<FrontexPresenceFigures> frontex(FigureParameters filter, Explanation explanation) {
        return ask(IncidentFactsProjection.PROCESSING_GROUP, explanation, new FindFrontexPresenceQuery(filter.filter()), FrontexPresenceFigures.class);
    }

    @Operation(summary = "Readmission deportations",
            description = "By sending and receiving state, legal basis, Dublin transfer then readmission, quarter.")
    @GetMapping("/readmissions")
    public JsonAnswer<ReadmissionFigures> readmissions(FigureParameters filter, Explanation explanation) {
        return ask(IncidentFactsProjection.PROCESSING_GROUP, explanation, new FindReadmissionFiguresQuery(filter.filter(), explanation.listed()),
                ReadmissionFigures.class);
    }

    @Operation(summary = "Quarterly report",
            description = "The figures a quarterly field report opens with, for incidents whose earliest possible "
                    + "day lies in the quarter. JSON, or CSV with Accept: text/csv. The from and to filters are "
                    + "replaced by the quarter.")
    @GetMapping(path = "/quarterly-report/{quarter}", produces = {MediaType.APPLICATION_JSON_VALUE, CSV})
    public ResponseEntity<?> quarterlyReport(
            @Parameter(description = "The quarter, such as 2023-Q3.", example = "2023-Q3") @PathVariable String quarter,
            FigureParameters filter, Explanation explanation,
            @Parameter(hidden = true) @org.springframework.web.bind.annotation.RequestHeader(
                    name = "Accept", required = false) String accept) {
        Quarter asked = quarter(quarter);
        JsonAnswer<QuarterlyReport> report = ask(IncidentFactsProjection.PROCESSING_GROUP, explanation,
                new FindQuarterlyReportQuery(asked, filter.filter(), explanation.listed()), QuarterlyReport.class);
        if (accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            JsonNode figures = report.tree(json);
            if (smallCells.appliesTo(CallerArgumentResolver.currentUser().role())) {
                smallCells.suppress(figures);
            }
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"quarterly-report-" + asked + ".csv\"")
                    .body(QuarterlyReportCsv.write(figures));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    @Operation(summary = "Search incidents",
            description = "Incidents matching any combination of the filters, a page at a time, as summaries of "
                    + "their facts. Never witness data.")
    @GetMapping("/search")
    public JsonAnswer<IncidentSearchPage> search(
            FigureParameters filter,
            @Parameter(description = "DATE_DESC (default), DATE_ASC, PEOPLE_DESC or CHANGED_DESC.")
            @RequestParam(required = false) SearchOrder sort,
            @Parameter(description = "Page number from 0.") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200.") @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "EVENTUAL (default) or STRONG (read your own writes).")
            @RequestParam(defaultValue = "EVENTUAL") ViewConsistency.Level consistency) {
        if (page < 0) {
            throw new InvalidRequestException("page", "must not be negative");
        }
        if (size < 1 || size > 200) {
            throw new InvalidRequestException("size", "must be between 1 and 200");
        }
        return ask(IncidentFactsProjection.PROCESSING_GROUP, new Explanation(false, consistency), new SearchIncidentsQuery(filter.filter(), sort, page, size),
                IncidentSearchPage.class);
    }

    private static Quarter quarter(String value) {
        try {
            return Quarter.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("quarter", e.getMessage());
        }
    }

    private <R> JsonAnswer<R> ask(String view, Explanation explanation, Object query, Class<R> answer) {
        ViewConsistency.Level level = explanation.consistency() == null ? ViewConsistency.Level.EVENTUAL
                : explanation.consistency();
        return answers.answer(view, level, query, answer, () -> dispatch(query, answer));
    }

    private <R> R dispatch(Object query, Class<R> answer) {
        CompletableFuture<R> future = queries.query(query, answer);
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
