package eu.borderviolence.registry.api.storage;

import eu.borderviolence.registry.projections.BatchStatements;
import eu.borderviolence.registry.projections.ViewTables;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a rebuild empties a view's tables on PostgreSQL, and how the views then read them: one {@code TRUNCATE} in the
 * reset's transaction, undone with it, waiting only so long for reads under way; reads by keys planned every time,
 * never prepared once on the server; statistics gathered again when the rebuild is done.
 */
class ViewTablesOnPostgresTest {

    private static final ViewTables HISTORY = new ViewTables("case-history", List.of("case_history_entry",
            "case_history_merge"));

    private TestPostgres.Database database;
    private DataSource dataSource;
    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;

    @BeforeEach
    void database() {
        database = TestPostgres.freshDatabase("view_tables");
        dataSource = database.dataSource();
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterEach
    void drop() {
        database.drop();
    }

    @Test
    void aResetTruncatesEveryTableOfTheViewAndAResetThatFailsKeepsTheirRows() {
        historyOfIncidents(3);

        transactions.executeWithoutResult(status -> {
            HISTORY.empty(jdbc);
            assertThat(rows("case_history_entry")).isZero();
            status.setRollbackOnly(); // as when resetting the tokens fails after the tables were emptied
        });
        assertThat(rows("case_history_entry")).isEqualTo(3);
        assertThat(rows("case_history_merge")).isEqualTo(3);

        transactions.executeWithoutResult(status -> HISTORY.empty(jdbc));
        assertThat(rows("case_history_entry")).isZero();
        assertThat(rows("case_history_merge")).isZero();
        // Nothing of the old rows is left behind for a vacuum to clean, as a DELETE would have left them.
        assertThat(jdbc.queryForObject("select pg_relation_size('case_history_entry')", Long.class)).isZero();
    }

    @Test
    void aResetWaitsForAReadOfTheTablesAtMostItsLockTimeoutAndThenChangesNothing() throws Exception {
        historyOfIncidents(1);
        try (Connection reader = dataSource.getConnection(); Statement read = reader.createStatement();
             Connection resetting = dataSource.getConnection()) {
            reader.setAutoCommit(false);
            read.executeQuery("select count(*) from case_history_entry").close(); // its lock lasts until it ends
            SingleConnectionDataSource oneConnection = new SingleConnectionDataSource(resetting, true);
            JdbcTemplate resetJdbc = new JdbcTemplate(oneConnection);

            assertThatThrownBy(() -> new TransactionTemplate(new DataSourceTransactionManager(oneConnection))
                    .executeWithoutResult(status -> HISTORY.empty(resetJdbc, Duration.ofMillis(200))))
                    .isInstanceOf(PessimisticLockingFailureException.class);
            reader.commit();
            // The timeout was the reset's own: it ended with the reset's transaction.
            assertThat(resetJdbc.queryForObject("show lock_timeout", String.class)).isEqualTo("0");
        }
        assertThat(rows("case_history_entry")).isEqualTo(1);
        assertThat(rows("case_history_merge")).isEqualTo(1);
    }

    @Test
    void theViewsReadsByKeysAreNeverPreparedOnTheServerSoAreAlwaysPlannedForTheTableAsItIs() throws Exception {
        List<UUID> survivors = historyOfIncidents(3);
        try (Connection connection = dataSource.getConnection()) {
            JdbcTemplate oneConnection = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            List<UUID> read = new ArrayList<>();
            for (int time = 0; time < 10; time++) {
                read.clear();
                BatchStatements.forEachOf(oneConnection, "select survivor_id from case_history_merge "
                        + "where survivor_id in", survivors, row -> read.add(row.getObject(1, UUID.class)));
                // The same read as any other statement, which the driver prepares on the server from its fifth run.
                oneConnection.queryForList("select duplicate_id from case_history_merge where survivor_id in (?, ?, ?)",
                        UUID.class, survivors.toArray());
            }
            assertThat(read).containsExactlyInAnyOrderElementsOf(survivors);
            List<String> prepared = oneConnection.queryForList("select statement from pg_prepared_statements",
                    String.class);
            assertThat(prepared).anyMatch(statement -> statement.startsWith("select duplicate_id"));
            assertThat(prepared).noneMatch(statement -> statement.startsWith("select survivor_id"));
        }
    }

    @Test
    void statisticsAreGatheredAgainForTablesATruncateLeftWithout() {
        historyOfIncidents(40);
        transactions.executeWithoutResult(status -> HISTORY.empty(jdbc));
        historyOfIncidents(25);

        HISTORY.analyze(jdbc);

        assertThat(jdbc.queryForObject("select reltuples from pg_class where relname = 'case_history_entry'",
                Double.class)).isEqualTo(25.0);
    }

    /** Each incident with its first entry and a merged duplicate; the incidents' identifiers. */
    private List<UUID> historyOfIncidents(int incidents) {
        List<UUID> survivors = new ArrayList<>();
        for (int i = 0; i < incidents; i++) {
            UUID survivor = UUID.randomUUID();
            jdbc.update("insert into case_history_entry (incident_id, sequence_number, global_position, recorded_at, "
                    + "event_type, author, organisation, summary) values (?, 0, ?, ?, 'IncidentReported', "
                    + "'monitor-1', 'ngo', 'Incident reported')", survivor, i + 1L,
                    Timestamp.from(Instant.parse("2023-07-16T09:05:00Z")));
            jdbc.update("insert into case_history_merge (survivor_id, duplicate_id) values (?, ?)", survivor,
                    UUID.randomUUID());
            survivors.add(survivor);
        }
        return survivors;
    }

    private long rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
