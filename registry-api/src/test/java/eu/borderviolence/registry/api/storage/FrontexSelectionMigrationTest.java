package eu.borderviolence.registry.api.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.core.api.AgencyType;
import eu.borderviolence.registry.core.api.AsylumRequest;
import eu.borderviolence.registry.core.api.Authority;
import eu.borderviolence.registry.core.api.AuthorityInvolvement;
import eu.borderviolence.registry.core.api.AuthorityRole;
import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.FrontexPresence;
import eu.borderviolence.registry.core.api.FrontexRole;
import eu.borderviolence.registry.core.api.IncidentDate;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.NationalityCount;
import eu.borderviolence.registry.core.api.PeopleAffected;
import eu.borderviolence.registry.core.api.Place;
import eu.borderviolence.registry.core.api.ViolationCode;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations V13 and V14 on a registry that already keeps incident facts: each incident is marked whether the
 * Frontex-presence view counts it, by the view's own rule applied to its stored facts. On H2 and on PostgreSQL.
 */
class FrontexSelectionMigrationTest {

    private static final String FRONTEX = "0b4d3c2a-1e0f-4a9b-8c7d-6e5f4a3b2c10";
    private static final String FOREIGN_OFFICERS = "0b4d3c2a-1e0f-4a9b-8c7d-6e5f4a3b2c11";
    private static final String NEITHER = "0b4d3c2a-1e0f-4a9b-8c7d-6e5f4a3b2c12";

    /** Strict as the registry's own mapper (application.yml). */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().failOnUnknownProperties(true)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    @Test
    void anH2RegistryHasItsIncidentsMarked() {
        migrateAndCheck(h2(), "h2");
    }

    @Test
    void aPostgresRegistryHasItsIncidentsMarked() {
        TestPostgres.Database database = TestPostgres.freshDatabase("frontex_selection");
        try {
            migrateAndCheck(database.dataSource(), "postgresql");
        } finally {
            database.drop();
        }
    }

    @Test
    void anIncidentWhoseFactsCannotBeReadIsLeftUnmarkedAndTheUpgradeGoesOn() {
        DataSource h2 = h2();
        migrate(h2, "h2", "13");
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        keep(jdbc, NEITHER, "{\"kind\":\"PUSHBACK\",\"secret\":\"Röszke\"}");
        keep(jdbc, FRONTEX, write(pushback(new FrontexPresence(FrontexRole.OBSERVING, Set.of(), null),
                Authority.of("HU", AgencyType.BORDER_POLICE))));

        migrate(h2, "h2", "14");

        assertThat(marked(jdbc, NEITHER)).isNull();
        assertThat(marked(jdbc, FRONTEX)).isTrue();
    }

    private void migrateAndCheck(DataSource dataSource, String vendor) {
        migrate(dataSource, vendor, "13");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        keep(jdbc, FRONTEX, write(pushback(new FrontexPresence(FrontexRole.OBSERVING, Set.of(), null),
                Authority.of("HU", AgencyType.BORDER_POLICE))));
        // Austrian officers at the Hungarian–Serbian border: a state that neither acted nor received.
        keep(jdbc, FOREIGN_OFFICERS, write(pushback(null, Authority.of("HU", AgencyType.BORDER_POLICE),
                Authority.of("AT", AgencyType.REGULAR_POLICE))));
        keep(jdbc, NEITHER, write(pushback(null, Authority.of("HU", AgencyType.BORDER_POLICE))));

        migrate(dataSource, vendor, "14");

        assertThat(marked(jdbc, FRONTEX)).isTrue();
        assertThat(marked(jdbc, FOREIGN_OFFICERS)).isTrue();
        assertThat(marked(jdbc, NEITHER)).isFalse();
    }

    private static IncidentFacts pushback(FrontexPresence frontex, Authority... authorities) {
        return new IncidentFacts(IncidentKind.PUSHBACK, IncidentDate.exactDay(LocalDate.of(2023, 7, 14)),
                new Place(CountryCode.of("HU"), "Röszke", null, null), List.of(BorderLeg.of("HU", "RS")),
                PeopleAffected.group(12), List.of(new NationalityCount(CountryCode.of("AF"), 12)),
                List.of(authorities).stream().map(a -> AuthorityInvolvement.of(a, AuthorityRole.APPREHENDED))
                        .toList(),
                frontex, Set.of(ViolationCode.BEATING), AsylumRequest.ASKED_AND_IGNORED, ConfidenceStatus.LIKELY,
                null);
    }

    private String write(IncidentFacts facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keep(JdbcTemplate jdbc, String incidentId, String factsJson) {
        jdbc.update("insert into fact_incident (incident_id, version, status, kind, changed_at, facts_json) "
                + "values (?, 0, 'ACTIVE', 'PUSHBACK', timestamp with time zone '2023-07-16 09:05:00+00', ?)",
                incidentId, factsJson);
    }

    private static Boolean marked(JdbcTemplate jdbc, String incidentId) {
        return jdbc.queryForObject("select frontex_or_foreign_officers from fact_incident where incident_id = ?",
                Boolean.class, incidentId);
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:frontex-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    private void migrate(DataSource dataSource, String vendor, String target) {
        Flyway.configure().dataSource(dataSource).target(MigrationVersion.fromVersion(target))
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .javaMigrations(new FrontexSelectionBackfill(json)).load().migrate();
    }
}
