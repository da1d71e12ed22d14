package eu.borderviolence.registry.projections;

/**
 * The views' tables as the application gets them on H2: registry-api's Flyway migrations that make and change them,
 * in their order, for the slice tests' {@code spring.sql.init.schema-locations}. V2 made the read models, V4 the
 * advocacy views' own tables, V10 replaced those with the shared incident facts, V13 added the Frontex selection,
 * V16 the summary's status dates, V17 and V18 dropped the foreign keys, V19 and V20 made the child tables arrays, and
 * H2's V21 made the incident identifiers UUIDs.
 */
public final class ViewMigrations {

    private static final String MIGRATIONS = "file:../registry-api/src/main/resources/db/migration/";

    public static final String SCRIPTS = MIGRATIONS + "common/V2__read_models.sql,"
            + MIGRATIONS + "common/V4__advocacy_views.sql,"
            + MIGRATIONS + "common/V10__shared_incident_facts.sql,"
            + MIGRATIONS + "common/V13__frontex_selection.sql,"
            + MIGRATIONS + "common/V16__incident_summary_status_dates.sql,"
            + MIGRATIONS + "common/V17__fact_tables_without_foreign_keys.sql,"
            + MIGRATIONS + "common/V18__incident_summary_without_foreign_keys.sql,"
            + MIGRATIONS + "common/V19__incident_facts_as_arrays.sql,"
            + MIGRATIONS + "common/V20__incident_summary_as_arrays.sql,"
            + MIGRATIONS + "h2/V21__view_incident_ids_as_uuid.sql";

    private ViewMigrations() {
    }
}
