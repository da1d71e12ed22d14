package eu.borderviolence.registry.api.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.projections.figures.FactTables;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Migration V14: marks the incidents already kept whether the Frontex-presence view counts them, in the column V13
 * added ({@code fact_incident.frontex_or_foreign_officers}), so that the view reads only their facts. The rule is the
 * view's own ({@link FactTables#frontexOrForeignOfficers}), applied to each incident's stored facts, which is why
 * this step is Java and not SQL. It needs no replay: an upgraded registry answers at once, and an incident left
 * unmarked would still be decided by its facts.
 *
 * <p>A Spring bean, so Spring Boot hands it to Flyway with the registry's own JSON mapper; run on H2 and PostgreSQL
 * alike. An incident whose facts cannot be read is left unmarked (NULL), with a warning naming the incident, never
 * its facts: the upgrade does not stop over one row (a failed Java migration would need a Flyway repair before the
 * registry could start again), and the view decides such an incident by its facts.
 */
@Component
public class FrontexSelectionBackfill implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(FrontexSelectionBackfill.class);
    private static final int BATCH = 500;

    private final ObjectMapper json;

    public FrontexSelectionBackfill(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("14");
    }

    @Override
    public String getDescription() {
        return "frontex selection backfill";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        long read = 0;
        long marked = 0;
        long unreadable = 0;
        try (Statement select = connection.createStatement();
             PreparedStatement update = connection.prepareStatement(
                     "update fact_incident set frontex_or_foreign_officers = ? where incident_id = ?")) {
            select.setFetchSize(BATCH);
            try (ResultSet rows = select.executeQuery("select incident_id, facts_json from fact_incident "
                    + "where frontex_or_foreign_officers is null")) {
                while (rows.next()) {
                    String incidentId = rows.getString(1);
                    Optional<IncidentFacts> facts = facts(incidentId, rows.getString(2));
                    if (facts.isEmpty()) {
                        unreadable++;
                        continue;
                    }
                    boolean counted = FactTables.frontexOrForeignOfficers(facts.get());
                    update.setBoolean(1, counted);
                    update.setString(2, incidentId);
                    update.addBatch();
                    read++;
                    marked += counted ? 1 : 0;
                    if (read % BATCH == 0) {
                        update.executeBatch();
                    }
                }
            }
            update.executeBatch();
        }
        log.info("Marked {} of {} incidents as counted by the Frontex-presence view", marked, read);
        if (unreadable > 0) {
            log.warn("Left {} incidents unmarked because their facts could not be read (see the warnings above); "
                    + "the view decides them by their facts when asked", unreadable);
        }
    }

    /** The incident's facts; none, with a warning naming the incident and never quoting the facts, if unreadable. */
    private Optional<IncidentFacts> facts(String incidentId, String column) {
        try {
            return Optional.of(json.readValue(column, IncidentFacts.class));
        } catch (JsonProcessingException e) {
            // Where the JSON broke, not the parser's message: that may quote the facts.
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            log.warn("Cannot read the facts of incident {} in fact_incident{} ({}); left unmarked", incidentId,
                    where, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
