package eu.borderviolence.registry.api.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migrations V19 and V20 on a registry whose incident facts and summaries have child rows: each incident's rows
 * become its arrays, an incident without rows of a kind gets an empty array, and the child tables go, so that an
 * upgraded registry filters as before without a replay. On H2 and on PostgreSQL.
 */
class FilterArraysMigrationTest {

    private static final String CHAIN = "5b4d3c2a-1e0f-4a9b-8c7d-6e5f4a3b2c1d";
    private static final String BARE = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    @Test
    void anH2RegistryKeepsWhatItsFiltersSelect() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:arrays-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrateAndCheck(h2, "h2");
    }

    @Test
    void aPostgresRegistryKeepsWhatItsFiltersSelect() throws SQLException {
        TestPostgres.Database database = TestPostgres.freshDatabase("arrays_migration");
        try {
            migrateAndCheck(database.dataSource(), "postgresql");
        } finally {
            database.drop();
        }
    }

    private static void migrateAndCheck(DataSource dataSource, String vendor) throws SQLException {
        migrate(dataSource, vendor, "18");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String incident : List.of(CHAIN, BARE)) {
            jdbc.update("insert into fact_incident (incident_id, version, status, kind, changed_at, facts_json, "
                    + "frontex_or_foreign_officers) values (?, 2, 'ACTIVE', 'PUSHBACK', "
                    + "timestamp with time zone '2023-07-16 09:05:00+00', '{\"kind\":\"PUSHBACK\"}', false)", incident);
        }
        jdbc.update("insert into fact_leg (incident_id, leg_position, from_country, to_country) values "
                + "(?, 0, 'SI', 'HR'), (?, 1, 'HR', 'BA')", CHAIN, CHAIN);
        jdbc.update("insert into fact_country (incident_id, country_code) values (?, 'SI'), (?, 'HR'), (?, 'BA')",
                CHAIN, CHAIN, CHAIN);
        jdbc.update("insert into fact_authority (incident_id, authority_position, country_code, agency) values "
                + "(?, 0, 'HR', 'INTERVENTION_POLICE'), (?, 1, 'SI', 'POLICE'), (?, 2, 'HR', 'BORDER_POLICE')",
                CHAIN, CHAIN, CHAIN);
        jdbc.update("insert into fact_nationality (incident_id, nationality) values (?, 'PK'), (?, 'AF')", CHAIN,
                CHAIN);
        jdbc.update("insert into fact_violation (incident_id, code) values (?, 'DOG_ATTACK')", CHAIN);
        for (String incident : List.of(CHAIN, BARE)) {
            jdbc.update("insert into incident_summary (incident_id, version, status, kind, reported_by_principal, "
                    + "reported_by_organisation, reported_at, last_changed_at, facts_json, testimony_ids_json, "
                    + "merged_duplicate_ids_json) values (?, 2, 'ACTIVE', 'PUSHBACK', 'monitor-1', 'ngo', "
                    + "timestamp with time zone '2023-07-16 09:05:00+00', "
                    + "timestamp with time zone '2023-07-16 09:05:00+00', '{}', '[]', '[]')", incident);
        }
        jdbc.update("insert into incident_summary_country (incident_id, country_code) values (?, 'SI'), (?, 'HR'), "
                + "(?, 'BA')", CHAIN, CHAIN, CHAIN);
        jdbc.update("insert into incident_summary_leg (incident_id, leg_position, from_country, to_country) values "
                + "(?, 0, 'SI', 'HR'), (?, 1, 'HR', 'BA')", CHAIN, CHAIN);

        migrate(dataSource, vendor, "20");

        assertThat(arrays(jdbc, CHAIN)).containsExactly(List.of("BA", "HR", "SI"), List.of("HR-BA", "SI-HR"),
                List.of("HR", "SI"), List.of("HR/BORDER_POLICE", "HR/INTERVENTION_POLICE", "SI/POLICE"),
                List.of("AF", "PK"), List.of("DOG_ATTACK"));
        assertThat(arrays(jdbc, BARE)).containsOnly(List.of());
        // The filters FactTables asks find the incident by what its child rows held.
        assertThat(jdbc.queryForList("select incident_id from fact_incident where ? = any(border_legs) "
                + "and ? = any(authorities) and ? = any(nationalities)", String.class, "HR-BA", "SI/POLICE", "AF"))
                .containsExactly(CHAIN);
        assertThat(arrays(jdbc, "select countries, border_legs from incident_summary where incident_id = ?", CHAIN))
                .containsExactly(List.of("BA", "HR", "SI"), List.of("HR-BA", "SI-HR"));
        assertThat(arrays(jdbc, "select countries, border_legs from incident_summary where incident_id = ?", BARE))
                .containsOnly(List.of());
        for (String gone : List.of("fact_country", "fact_leg", "fact_authority", "fact_nationality",
                "fact_violation", "incident_summary_country", "incident_summary_leg")) {
            assertThatThrownBy(() -> jdbc.queryForObject("select count(*) from " + gone, Integer.class))
                    .as(gone).isInstanceOf(BadSqlGrammarException.class);
        }
    }

    /** The incident's six fact arrays, each as a list, in the order the migration adds them. */
    private static List<List<Object>> arrays(JdbcTemplate jdbc, String incident) {
        return arrays(jdbc, "select countries, border_legs, authority_countries, authorities, nationalities, "
                + "violations from fact_incident where incident_id = ?", incident);
    }

    /** The arrays the query selects for the incident, each as a list. */
    private static List<List<Object>> arrays(JdbcTemplate jdbc, String query, String incident) {
        return jdbc.queryForObject(query, (rs, row) -> {
                    List<List<Object>> arrays = new java.util.ArrayList<>();
                    for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                        Array array = rs.getArray(column);
                        arrays.add(List.of((Object[]) array.getArray()));
                    }
                    return arrays;
                }, incident);
    }

    private static void migrate(DataSource dataSource, String vendor, String target) {
        Flyway.configure().dataSource(dataSource).target(MigrationVersion.fromVersion(target))
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .javaMigrations(new FrontexSelectionBackfill(new ObjectMapper())).load().migrate();
    }
}
