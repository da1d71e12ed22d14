package eu.borderviolence.registry.api.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V21 on a registry whose views hold an incident, a merged duplicate and their history: the identifier
 * columns become UUIDs, and every row is still there and found by its identifier, so that an upgraded registry
 * answers as before without a replay. On H2 and on PostgreSQL.
 */
class ViewIdentifiersMigrationTest {

    private static final UUID SURVIVOR = UUID.fromString("5b4d3c2a-1e0f-4a9b-8c7d-6e5f4a3b2c1d");
    private static final UUID DUPLICATE = UUID.fromString("f01e2d3c-4b5a-4968-8776-a5b4c3d2e1f0");

    @Test
    void anH2RegistryKeepsItsViewsRows() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:identifiers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrateAndCheck(h2, "h2", "UUID");
    }

    @Test
    void aPostgresRegistryKeepsItsViewsRows() {
        TestPostgres.Database database = TestPostgres.freshDatabase("identifiers_migration");
        try {
            migrateAndCheck(database.dataSource(), "postgresql", "uuid");
        } finally {
            database.drop();
        }
    }

    private static void migrateAndCheck(DataSource dataSource, String vendor, String uuidType) {
        migrate(dataSource, vendor, "20");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (UUID incident : List.of(SURVIVOR, DUPLICATE)) {
            jdbc.update("insert into fact_incident (incident_id, version, status, kind, changed_at, facts_json, "
                    + "frontex_or_foreign_officers, countries, border_legs, authority_countries, authorities, "
                    + "nationalities, violations) values (?, 2, 'ACTIVE', 'PUSHBACK', "
                    + "timestamp with time zone '2023-07-16 09:05:00+00', '{\"kind\":\"PUSHBACK\"}', false, "
                    + "array['HR'], array['HR-BA'], array['HR'], array['HR/POLICE'], array['AF'], array['BEATING'])",
                    incident.toString());
            jdbc.update("insert into case_history_entry (incident_id, sequence_number, global_position, recorded_at, "
                    + "event_type, author, organisation, summary) values (?, 0, ?, "
                    + "timestamp with time zone '2023-07-16 09:05:00+00', 'IncidentReported', 'monitor-1', 'ngo', "
                    + "'Incident reported')", incident.toString(), incident.equals(SURVIVOR) ? 1 : 2);
        }
        jdbc.update("insert into incident_summary (incident_id, version, status, kind, merged_into, "
                + "reported_by_principal, reported_by_organisation, reported_at, last_changed_at, facts_json, "
                + "testimony_ids_json, merged_duplicate_ids_json, countries, border_legs) values "
                + "(?, 2, 'ACTIVE', 'PUSHBACK', null, 'monitor-1', 'ngo', "
                + "timestamp with time zone '2023-07-16 09:05:00+00', timestamp with time zone '2023-07-16 09:05:00+00', "
                + "'{}', '[]', ?, array['HR'], array['HR-BA']), "
                + "(?, 3, 'MERGED', 'PUSHBACK', ?, 'monitor-1', 'ngo', "
                + "timestamp with time zone '2023-07-16 09:05:00+00', timestamp with time zone '2023-07-16 09:05:00+00', "
                + "'{}', '[]', '[]', array['HR'], array['HR-BA'])",
                SURVIVOR.toString(), "[\"" + DUPLICATE + "\"]", DUPLICATE.toString(), SURVIVOR.toString());
        jdbc.update("insert into case_history_merge (survivor_id, duplicate_id) values (?, ?)", SURVIVOR.toString(),
                DUPLICATE.toString());

        migrate(dataSource, vendor, "21");

        assertThat(jdbc.queryForList("select lower(table_name) || '.' || lower(column_name) from "
                + "information_schema.columns where lower(data_type) = ? and lower(table_name) in "
                + "('fact_incident', 'incident_summary', 'case_history_entry', 'case_history_merge') "
                + "order by 1", String.class, uuidType.toLowerCase()))
                .containsExactly("case_history_entry.incident_id", "case_history_merge.duplicate_id",
                        "case_history_merge.survivor_id", "fact_incident.incident_id",
                        "incident_summary.incident_id", "incident_summary.merged_into");
        // Found by a UUID parameter, as the views now ask.
        assertThat(jdbc.queryForObject("select facts_json from fact_incident where incident_id = ?", String.class,
                DUPLICATE)).isEqualTo("{\"kind\":\"PUSHBACK\"}");
        assertThat(jdbc.queryForObject("select merged_into from incident_summary where incident_id = ?", UUID.class,
                DUPLICATE)).isEqualTo(SURVIVOR);
        assertThat(jdbc.queryForObject("select merged_duplicate_ids_json from incident_summary where incident_id = ?",
                String.class, SURVIVOR)).isEqualTo("[\"" + DUPLICATE + "\"]");
        assertThat(jdbc.queryForList("select incident_id from case_history_entry where incident_id in (?, ?) "
                + "order by global_position", UUID.class, SURVIVOR, DUPLICATE)).containsExactly(SURVIVOR, DUPLICATE);
        assertThat(jdbc.queryForList("select duplicate_id from case_history_merge where survivor_id = ?", UUID.class,
                SURVIVOR)).containsExactly(DUPLICATE);
        // The text form reads back as before, for whatever reads the column as text.
        assertThat(jdbc.queryForObject("select incident_id from fact_incident where incident_id = ?", String.class,
                SURVIVOR)).isEqualTo(SURVIVOR.toString());
    }

    private static void migrate(DataSource dataSource, String vendor, String target) {
        Flyway.configure().dataSource(dataSource).target(MigrationVersion.fromVersion(target))
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .javaMigrations(new FrontexSelectionBackfill(new ObjectMapper())).load().migrate();
    }
}
