package eu.borderviolence.registry.api.storage;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migrations V10 and V11 on a registry that already has the six views' own tables: the search view's rows become the
 * shared incident facts, its processor's position passes to {@code incident-facts}, the five other views' tables and
 * positions go, and a rebuild still under way for one of them is recorded as failed. On H2 and on PostgreSQL.
 */
class SharedIncidentFactsMigrationTest {

    private static final String INCIDENT = "5b4d3c2a-1e0f-4a9b-8c7d-6e5f4a3b2c1d";

    @Test
    void anH2RegistryKeepsItsFactsAndPositions() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:facts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrateAndCheck(h2, "h2");
    }

    @Test
    void aPostgresRegistryKeepsItsFactsAndPositions() {
        TestPostgres.Database database = TestPostgres.freshDatabase("facts_migration");
        try {
            migrateAndCheck(database.dataSource(), "postgresql");
        } finally {
            database.drop();
        }
    }

    private static void migrateAndCheck(DataSource dataSource, String vendor) {
        migrate(dataSource, vendor, "9");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into search_view_incident (incident_id, version, status, kind, confidence, date_earliest, "
                + "group_size, changed_at, facts_json) values (?, 3, 'ACTIVE', 'PUSHBACK', 'CONFIRMED', "
                + "date '2023-07-14', 12, timestamp with time zone '2023-07-16 09:05:00+00', '{\"kind\":\"PUSHBACK\"}')",
                INCIDENT);
        jdbc.update("insert into search_view_leg (incident_id, leg_position, from_country, to_country) "
                + "values (?, 0, 'HU', 'RS')", INCIDENT);
        jdbc.update("insert into search_view_country (incident_id, country_code) values (?, 'HU')", INCIDENT);
        jdbc.update("insert into search_view_authority (incident_id, authority_position, country_code, agency) "
                + "values (?, 0, 'HU', 'BORDER_POLICE')", INCIDENT);
        jdbc.update("insert into search_view_nationality (incident_id, nationality) values (?, 'AF')", INCIDENT);
        jdbc.update("insert into search_view_violation (incident_id, code) values (?, 'DOG_ATTACK')", INCIDENT);
        jdbc.update("insert into border_view_incident (incident_id, version, status, kind, changed_at, facts_json) "
                + "values (?, 3, 'ACTIVE', 'PUSHBACK', timestamp with time zone '2023-07-16 09:05:00+00', '{}')",
                INCIDENT);
        for (String processor : List.of("incident-search", "border-figures", "case-history")) {
            jdbc.update("insert into token_entry (processor_name, segment, owner, timestamp, token_type) "
                    + "values (?, 0, null, '2023-07-16T09:05:00Z', 'token')", processor);
        }
        jdbc.update("insert into view_rebuild (view_name, generation, state, requested_by, requested_at) "
                + "values ('incident-search', 1, 'FINISHED', 'auditor-1', current_timestamp)");
        jdbc.update("insert into view_rebuild (view_name, generation, state, requested_by, requested_at) "
                + "values ('quarterly-report', 1, 'REPLAYING', 'auditor-1', current_timestamp)");

        migrate(dataSource, vendor, "11");

        Map<String, Object> fact = jdbc.queryForMap("select version, status, kind, confidence, group_size, "
                + "facts_json from fact_incident where incident_id = ?", INCIDENT);
        assertThat(fact).containsValues(3L, "ACTIVE", "PUSHBACK", "CONFIRMED", 12, "{\"kind\":\"PUSHBACK\"}");
        for (String child : List.of("leg", "country", "authority", "nationality", "violation")) {
            assertThat(jdbc.queryForObject("select count(*) from fact_" + child + " where incident_id = ?",
                    Integer.class, INCIDENT)).as(child).isEqualTo(1);
        }
        assertThat(jdbc.queryForList("select processor_name from token_entry order by processor_name", String.class))
                .containsExactly("case-history", "incident-facts");
        assertThat(jdbc.queryForList("select view_name || ' ' || state from view_rebuild order by view_name",
                String.class)).containsExactly("incident-facts FINISHED", "quarterly-report FAILED");
        for (String gone : List.of("search_view_incident", "border_view_leg", "quarterly_view_incident")) {
            assertThatThrownBy(() -> jdbc.queryForObject("select count(*) from " + gone, Integer.class))
                    .as(gone).isInstanceOf(BadSqlGrammarException.class);
        }
    }

    private static void migrate(DataSource dataSource, String vendor, String target) {
        Flyway.configure().dataSource(dataSource).target(MigrationVersion.fromVersion(target))
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().migrate();
    }
}
