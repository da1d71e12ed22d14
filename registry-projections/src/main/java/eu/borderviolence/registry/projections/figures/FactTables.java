package eu.borderviolence.registry.projections.figures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.core.api.AgencyType;
import eu.borderviolence.registry.core.api.Authority;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentStatus;
import eu.borderviolence.registry.core.api.figures.FigureFilter;
import eu.borderviolence.registry.core.api.figures.SearchOrder;
import eu.borderviolence.registry.projections.FilterArrays;
import eu.borderviolence.registry.projections.ProcessorBatch;
import eu.borderviolence.registry.projections.ViewTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The facts of every incident, which all six advocacy views count from: one row per incident in
 * {@code fact_incident} (the V10 and V19 migrations). The row holds the current facts as JSON, which the views'
 * figures are computed from; its other columns exist for the filters, which SQL applies before any row is read. What
 * an incident has several of (countries, border legs, authorities, nationalities, violations) is kept in array
 * columns ({@link FilterArrays}), and a filter asks whether its value is in the incident's array: until V19 these
 * were rows of five child tables, most of what the view wrote. Kept by {@link IncidentFactsProjection}; read by the
 * views' query handlers. The column
 * {@code frontex_or_foreign_officers} (V13) selects the incidents of the Frontex-presence view; where it is NULL
 * (not yet determined) the incident's facts decide.
 *
 * <p>Every change carries the incident's event sequence number; a change at or below the stored version was applied
 * before and is ignored, so redelivery and replay are harmless. The changes of a processor's batch are collected
 * and written together as the batch commits ({@link FactChanges}), in the processor's transaction, which also
 * stores its token.
 *
 * <p>The views read the incidents they count one at a time, never all at once: a figure over a million events
 * counts hundreds of thousands of incidents, whose facts would not fit a small heap together. The rows come in a
 * read-only transaction {@value #FETCH_SIZE} at a time (PostgreSQL's driver otherwise reads a whole result before
 * the first row).
 */
@Component
public final class FactTables {

    /** The view's one table: each incident's facts, and what the filters select by, in {@code fact_incident}. */
    static final ViewTables TABLES = new ViewTables(IncidentFactsProjection.PROCESSING_GROUP,
            List.of("fact_incident"));

    /** Rows fetched per round trip while the views read the incidents they count. */
    static final int FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final ObjectMapper json;
    private final RowMapper<FactRecord> records = this::record;
    /** The unit of work's resource holding the batch's changes not yet written: one per instance. */
    private final String pendingChanges = FactTables.class.getName() + ".pending@" + System.identityHashCode(this);

    public FactTables(JdbcTemplate jdbc, ObjectMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Keeps the incident with these facts, in place of any it had. */
    public void keep(IncidentId incidentId, IncidentFacts facts, long version, Instant at) {
        change(new FactChanges.Keep(incidentId.value(), facts, version, at));
    }

    /** Records a new confidence status of a kept incident. */
    public void changeConfidence(IncidentId incidentId, ConfidenceStatus confidence, long version, Instant at) {
        change(new FactChanges.NewConfidence(incidentId.value(), confidence, version, at));
    }

    /** Records that a kept incident was merged or retracted. */
    public void changeStatus(IncidentId incidentId, IncidentStatus status, long version, Instant at) {
        change(new FactChanges.NewStatus(incidentId.value(), status, version, at));
    }

    /**
     * Within a processor's batch (a unit of work), collects the change and writes the batch's changes together as
     * the batch commits, inside its transaction; outside one (tests, tools), writes it at once.
     */
    private void change(FactChanges.Change change) {
        ProcessorBatch.writeAtCommit(pendingChanges, change, changes -> FactChanges.write(changes, jdbc, json));
    }

    /** Empties the tables, before a replay. */
    public void clear() {
        TABLES.empty(jdbc);
    }

    /**
     * Whether witnesses saw Frontex in the incident, or officers of a state that neither acted nor received: the
     * incidents the Frontex-presence view counts, marked in {@code frontex_or_foreign_officers}.
     */
    public static boolean frontexOrForeignOfficers(IncidentFacts facts) {
        return facts.frontex() != null || !facts.foreignOfficers().isEmpty();
    }

    /**
     * Hands every incident matching the filter that the view counts to {@code counter}, one at a time, in no
     * particular order.
     */
    public void forEachMatching(FigureFilter filter, Predicate<IncidentFacts> counted, Consumer<FactRecord> counter) {
        forEach(where(filter), counted, counter);
    }

    /**
     * Hands every incident matching the filter in which witnesses saw Frontex or foreign officers to {@code counter},
     * one at a time, in no particular order: selected by its column, so that only those incidents' facts are read.
     */
    public void forEachFrontexOrForeignOfficers(FigureFilter filter, Consumer<FactRecord> counter) {
        Where where = where(filter);
        forEach(new Where(where.sql() + " and (i.frontex_or_foreign_officers is null "
                + "or i.frontex_or_foreign_officers)", where.arguments()), FactTables::frontexOrForeignOfficers, counter);
    }

    private void forEach(Where where, Predicate<IncidentFacts> counted, Consumer<FactRecord> counter) {
        readOnly.executeWithoutResult(status -> streaming.query("select i.incident_id, i.status, i.facts_json, "
                + "i.changed_at from fact_incident i" + where.sql(), rs -> {
                    FactRecord record = record(rs, 0);
                    if (counted.test(record.facts())) {
                        counter.accept(record);
                    }
                }, where.arguments()));
    }

    /** One page of the incidents matching the filter, in the given order. */
    public List<FactRecord> page(FigureFilter filter, SearchOrder order, int page, int size) {
        Where where = where(filter);
        List<Object> arguments = new ArrayList<>(List.of(where.arguments()));
        arguments.add((long) page * size);
        arguments.add(size);
        return jdbc.query("select i.incident_id, i.status, i.facts_json, i.changed_at from fact_incident i"
                + where.sql() + " order by " + orderBy(order) + ", i.incident_id offset ? rows fetch next ? rows only",
                records, arguments.toArray());
    }

    /** How many incidents match the filter. */
    public long count(FigureFilter filter) {
        Where where = where(filter);
        Long count = jdbc.queryForObject("select count(*) from fact_incident i" + where.sql(), Long.class,
                where.arguments());
        return count == null ? 0 : count;
    }

    private static String orderBy(SearchOrder order) {
        return switch (order) {
            case DATE_DESC -> "i.date_earliest desc nulls last";
            case DATE_ASC -> "i.date_earliest asc nulls last";
            case PEOPLE_DESC -> "i.group_size desc nulls last";
            case CHANGED_DESC -> "i.changed_at desc";
        };
    }

    private Where where(FigureFilter filter) {
        List<String> criteria = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        criteria.add(filter.includeRetracted() ? "i.status in ('ACTIVE', 'RETRACTED')" : "i.status = 'ACTIVE'");
        if (filter.kind() != null) {
            criteria.add("i.kind = ?");
            arguments.add(filter.kind().name());
        }
        if (!filter.confidence().isEmpty()) {
            criteria.add("i.confidence in (" + String.join(", ", filter.confidence().stream().map(c -> "?").toList())
                    + ")");
            filter.confidence().forEach(c -> arguments.add(c.name()));
        }
        if (filter.from() != null) {
            criteria.add("i.date_earliest >= ?");
            arguments.add(filter.from());
        }
        if (filter.to() != null) {
            criteria.add("i.date_earliest <= ?");
            arguments.add(filter.to());
        }
        if (filter.borderLeg() != null) {
            criteria.add("? = any(i.border_legs)");
            arguments.add(FilterArrays.borderLeg(filter.borderLeg()));
        }
        if (filter.country() != null) {
            criteria.add("? = any(i.countries)");
            arguments.add(filter.country().code());
        }
        if (filter.authorityCountry() != null && filter.agency() == null) {
            criteria.add("? = any(i.authority_countries)");
            arguments.add(filter.authorityCountry().code());
        }
        if (filter.authorityCountry() != null && filter.agency() != null) {
            criteria.add("? = any(i.authorities)");
            arguments.add(authority(filter.authorityCountry(), filter.agency()));
        }
        if (filter.nationality() != null) {
            criteria.add("? = any(i.nationalities)");
            arguments.add(filter.nationality().code());
        }
        if (filter.violation() != null) {
            criteria.add("? = any(i.violations)");
            arguments.add(filter.violation().name());
        }
        return new Where(" where " + String.join(" and ", criteria), arguments.toArray());
    }

    /** An authority as column {@code authorities} keeps it: {@code COUNTRY/AGENCY}. */
    static String authority(Authority authority) {
        return authority(authority.country(), authority.agency());
    }

    private static String authority(CountryCode country, AgencyType agency) {
        return country.code() + "/" + agency.name();
    }

    private record Where(String sql, Object[] arguments) {
    }

    private FactRecord record(ResultSet rs, int row) throws SQLException {
        return new FactRecord(new IncidentId(rs.getObject(1, UUID.class)), IncidentStatus.valueOf(rs.getString(2)),
                read(rs.getString(3)), rs.getObject(4, OffsetDateTime.class).toInstant());
    }

    private IncidentFacts read(String column) {
        try {
            return json.readValue(column, IncidentFacts.class);
        } catch (JsonProcessingException e) {
            // The message names the table only: the facts never go into an exception.
            throw new IllegalStateException("cannot read incident facts from fact_incident", e);
        }
    }
}
