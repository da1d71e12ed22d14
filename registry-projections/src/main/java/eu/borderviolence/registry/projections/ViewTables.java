package eu.borderviolence.registry.projections;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The tables a view's processor writes, which a rebuild empties before it replays the event stream. No foreign key
 * refers to any of them (V17, V18): the view's projection writes and deletes each incident's rows in all of its tables
 * itself.
 *
 * <p>The view's {@code @ResetHandler} empties them ({@link #empty}) in the transaction that resets the processor's
 * tokens, so the tables and the position they were built to change together or not at all.
 * <ul>
 *     <li>On PostgreSQL with one {@code TRUNCATE}, which PostgreSQL undoes with the transaction if the reset fails.
 *     A {@code DELETE} of every row left the tables and their indexes with a dead row for every row the rebuild
 *     wrote again, which only a vacuum cleans, and cost a rebuild more than the deleting itself
 *     (docs/benchmarks.md). A {@code TRUNCATE} waits for every read of the tables under way to finish; it waits at
 *     most {@link #LOCK_TIMEOUT}, then the reset fails as a lock conflict ({@link CannotAcquireLockException}),
 *     the tables keep their rows and the rebuild tries again (api.views.ViewRebuilds). The views read their rows
 *     by keys with statements planned every time ({@link BatchStatements#forEachOf}), so a table that looked empty
 *     when a read was first planned is not scanned whole as the rebuild fills it; and once the rebuild is done the
 *     tables' statistics are gathered again ({@link #analyze}).</li>
 *     <li>On H2, where a {@code TRUNCATE} commits at once, with a {@code DELETE} of every row. H2 deletes every row as
 *     slowly as it wrote it (every index entry is removed one at a time and every page written anew), so there the
 *     rebuild truncates the tables first, while the view is already refusing reads (api.views.ViewRebuilds), and
 *     the reset's {@code DELETE} finds them empty.</li>
 * </ul>
 *
 * @param view   the view's processing group
 * @param tables the view's tables, in the order they are emptied
 */
public record ViewTables(String view, List<String> tables) {

    /** How long a reset on PostgreSQL waits for reads of the tables under way before it gives up and is tried again. */
    public static final Duration LOCK_TIMEOUT = Duration.ofSeconds(5);

    /** PostgreSQL's SQLSTATE for a lock not granted in time. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    public ViewTables {
        tables = List.copyOf(tables);
    }

    /** Empties every table, in the caller's transaction (see above). */
    public void empty(JdbcTemplate jdbc) {
        empty(jdbc, LOCK_TIMEOUT);
    }

    /** Empties every table, on PostgreSQL waiting at most {@code lockTimeout} for reads under way. */
    public void empty(JdbcTemplate jdbc, Duration lockTimeout) {
        if (!Databases.isH2(jdbc.getDataSource())) {
            // For the rest of this transaction only; outside one PostgreSQL ignores it (and truncates at once).
            jdbc.execute("set local lock_timeout = " + lockTimeout.toMillis());
            try {
                jdbc.execute("truncate table " + String.join(", ", tables));
            } catch (DataAccessException e) {
                // Said as a lock conflict whatever translator Spring chose for the data source (not all map it).
                if (!(e instanceof PessimisticLockingFailureException) && e.getCause() instanceof SQLException sql
                        && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                    throw new CannotAcquireLockException("The view's tables are being read: " + view, e);
                }
                throw e;
            }
        } else {
            tables.forEach(table -> jdbc.update("delete from " + table));
        }
    }

    /**
     * Gathers the tables' statistics for PostgreSQL's planner; nothing on H2. A {@code TRUNCATE} leaves a table
     * without statistics until autovacuum next analyzes it (soon, unless autovacuum is off), and the views' reads by
     * their filters need them: a rebuild asks for them as soon as it has finished.
     */
    public void analyze(JdbcTemplate jdbc) {
        if (!Databases.isH2(jdbc.getDataSource())) {
            jdbc.execute("analyze " + String.join(", ", tables));
        }
    }

    /** A view's processor that writes tables of its own. */
    public interface Owner {

        ViewTables tables();
    }
}
