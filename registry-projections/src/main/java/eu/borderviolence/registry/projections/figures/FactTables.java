package eu.borderviolence.registry.projections.figures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.core.api.AuthorityInvolvement;
import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentStatus;
import eu.borderviolence.registry.core.api.NationalityCount;
import eu.borderviolence.registry.core.api.figures.FigureFilter;
import eu.borderviolence.registry.core.api.figures.SearchOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tables one view keeps of the incidents it counts, named {@code <prefix>_incident} and its child tables
 * {@code _country}, {@code _leg}, {@code _authority}, {@code _nationality} and {@code _violation} (see the V4
 * migration). The incident row holds the current facts as JSON, which the view's figures are computed from; the
 * columns and child tables exist for the filters, which SQL applies before any row is read.
 *
 * <p>Every change carries the incident's event sequence number; a change at or below the stored version was applied
 * before and is ignored, so redelivery and replay are harmless. The caller's transaction (the processor's, which
 * also stores its token) covers every write.
 */
public final class FactTables {

    private static final Pattern PREFIX = Pattern.compile("^[a-z][a-z_]{1,30}$");

    private final String prefix;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<FactRecord> records = this::record;

    public FactTables(String prefix, JdbcTemplate jdbc, ObjectMapper json) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a table prefix is lower-case letters and underscores");
        }
        this.prefix = prefix;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Keeps the incident with these facts, or forgets it when {@code counted} is false. */
    public void keep(IncidentId incidentId, IncidentFacts facts, boolean counted, long version, Instant at) {
        Optional<Stored> stored = stored(incidentId);
        if (stored.isPresent() && stored.get().version() >= version) {
            return;
        }
        IncidentStatus status = stored.map(Stored::status).orElse(IncidentStatus.ACTIVE);
        delete(incidentId);
        if (counted) {
            insert(incidentId, facts, status, version, at);
        }
    }

    /** Records a new confidence status, if the view keeps the incident. */
    public void changeConfidence(IncidentId incidentId, ConfidenceStatus confidence, long version, Instant at) {
        stored(incidentId).filter(stored -> stored.version() < version).ifPresent(stored -> {
            IncidentFacts facts = read(stored.factsJson()).withConfidence(confidence);
            jdbc.update("update " + prefix + "_incident set confidence = ?, facts_json = ?, version = ?, "
                            + "changed_at = ? where incident_id = ?", name(confidence), write(facts), version,
                    utc(at), incidentId.toString());
        });
    }

    /** Records that the incident was merged or retracted, if the view keeps it. */
    public void changeStatus(IncidentId incidentId, IncidentStatus status, long version, Instant at) {
        jdbc.update("update " + prefix + "_incident set status = ?, version = ?, changed_at = ? "
                + "where incident_id = ? and version < ?", status.name(), version, utc(at), incidentId.toString(), version);
    }

    /** Empties the view's tables, before a replay. */
    public void clear() {
        for (String child : List.of("country", "leg", "authority", "nationality", "violation")) {
            jdbc.update("delete from " + prefix + "_" + child);
        }
        jdbc.update("delete from " + prefix + "_incident");
    }

    /** Every incident matching the filter, in no particular order. */
    public List<FactRecord> matching(FigureFilter filter) {
        Where where = where(filter);
        return jdbc.query("select i.incident_id, i.status, i.facts_json, i.changed_at from " + prefix + "_incident i"
                + where.sql(), records, where.arguments());
    }

    /** One page of the incidents matching the filter, in the given order. */
    public List<FactRecord> page(FigureFilter filter, SearchOrder order, int page, int size) {
        Where where = where(filter);
        List<Object> arguments = new ArrayList<>(List.of(where.arguments()));
        arguments.add((long) page * size);
        arguments.add(size);
        return jdbc.query("select i.incident_id, i.status, i.facts_json, i.changed_at from " + prefix + "_incident i"
                + where.sql() + " order by " + orderBy(order) + ", i.incident_id offset ? rows fetch next ? rows only",
                records, arguments.toArray());
    }

    /** How many incidents match the filter. */
    public long count(FigureFilter filter) {
        Where where = where(filter);
        Long count = jdbc.queryForObject("select count(*) from " + prefix + "_incident i" + where.sql(), Long.class,
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
            criteria.add(exists("leg", "c.from_country = ? and c.to_country = ?"));
            arguments.add(filter.borderLeg().from().code());
            arguments.add(filter.borderLeg().to().code());
        }
        if (filter.country() != null) {
            criteria.add(exists("country", "c.country_code = ?"));
            arguments.add(filter.country().code());
        }
        if (filter.authorityCountry() != null) {
            criteria.add(exists("authority", filter.agency() == null ? "c.country_code = ?"
                    : "c.country_code = ? and c.agency = ?"));
            arguments.add(filter.authorityCountry().code());
            if (filter.agency() != null) {
                arguments.add(filter.agency().name());
            }
        }
        if (filter.nationality() != null) {
            criteria.add(exists("nationality", "c.nationality = ?"));
            arguments.add(filter.nationality().code());
        }
        if (filter.violation() != null) {
            criteria.add(exists("violation", "c.code = ?"));
            arguments.add(filter.violation().name());
        }
        return new Where(" where " + String.join(" and ", criteria), arguments.toArray());
    }

    private String exists(String child, String condition) {
        return "exists (select 1 from " + prefix + "_" + child + " c where c.incident_id = i.incident_id and "
                + condition + ")";
    }

    private record Where(String sql, Object[] arguments) {
    }

    private void insert(IncidentId incidentId, IncidentFacts facts, IncidentStatus status, long version, Instant at) {
        String id = incidentId.toString();
        jdbc.update("insert into " + prefix + "_incident (incident_id, version, status, kind, confidence, "
                        + "date_earliest, group_size, changed_at, facts_json) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, version, status.name(), facts.kind().name(), name(facts.confidence()),
                facts.date() == null ? null : facts.date().earliest(),
                facts.people() == null ? null : facts.people().groupSize(), utc(at), write(facts));
        batch("insert into " + prefix + "_country (incident_id, country_code) values (?, ?)",
                facts.countries().stream().map(country -> new Object[]{id, country.code()}).toList());
        List<BorderLeg> legs = facts.borderLegs();
        List<Object[]> legRows = new ArrayList<>();
        for (int position = 0; position < legs.size(); position++) {
            legRows.add(new Object[]{id, position, legs.get(position).from().code(), legs.get(position).to().code()});
        }
        batch("insert into " + prefix + "_leg (incident_id, leg_position, from_country, to_country) "
                + "values (?, ?, ?, ?)", legRows);
        List<AuthorityInvolvement> authorities = facts.authorities();
        List<Object[]> authorityRows = new ArrayList<>();
        for (int position = 0; position < authorities.size(); position++) {
            authorityRows.add(new Object[]{id, position, authorities.get(position).authority().country().code(),
                    authorities.get(position).authority().agency().name()});
        }
        batch("insert into " + prefix + "_authority (incident_id, authority_position, country_code, agency) "
                + "values (?, ?, ?, ?)", authorityRows);
        batch("insert into " + prefix + "_nationality (incident_id, nationality) values (?, ?)",
                facts.nationalities().stream().map(NationalityCount::nationality).distinct()
                        .map(nationality -> new Object[]{id, nationality.code()}).toList());
        batch("insert into " + prefix + "_violation (incident_id, code) values (?, ?)",
                facts.violations().stream().map(code -> new Object[]{id, code.name()}).toList());
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    private void delete(IncidentId incidentId) {
        // The child tables go with the incident row: their foreign keys cascade.
        jdbc.update("delete from " + prefix + "_incident where incident_id = ?", incidentId.toString());
    }

    private Optional<Stored> stored(IncidentId incidentId) {
        return jdbc.query("select version, status, facts_json from " + prefix + "_incident where incident_id = ?",
                (rs, i) -> new Stored(rs.getLong(1), IncidentStatus.valueOf(rs.getString(2)), rs.getString(3)),
                incidentId.toString()).stream().findFirst();
    }

    private record Stored(long version, IncidentStatus status, String factsJson) {
    }

    private FactRecord record(ResultSet rs, int row) throws SQLException {
        return new FactRecord(IncidentId.of(rs.getString(1)), IncidentStatus.valueOf(rs.getString(2)),
                read(rs.getString(3)), rs.getObject(4, OffsetDateTime.class).toInstant());
    }

    private String write(IncidentFacts facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write incident facts as JSON", e);
        }
    }

    private IncidentFacts read(String column) {
        try {
            return json.readValue(column, IncidentFacts.class);
        } catch (JsonProcessingException e) {
            // The message names the table only: the facts never go into an exception.
            throw new IllegalStateException("cannot read incident facts from " + prefix + "_incident", e);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
