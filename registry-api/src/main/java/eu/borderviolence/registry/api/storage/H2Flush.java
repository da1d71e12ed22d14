package eu.borderviolence.registry.api.storage;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.springframework.dao.DataAccessResourceFailureException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes everything committed so far to H2's file and flushes it to disk, so that a crash right after cannot take it.
 *
 * <p>A plain {@code CHECKPOINT SYNC} is not enough (H2 2.5.252; docs/operations.md#durability). H2 writes each new
 * version of its data as a chunk, into free space inside the file when there is some, and recovery after a crash
 * finds the newest chunk from the file header, following each chunk's prediction of where the next one goes, or at
 * the end of the file. When a chunk lands where the previous one did not predict, H2 rewrites the header, but with
 * the previous chunk, so that chunk and the ones after it (up to about 20 versions) are found by neither path: a
 * crash in that window rolls the database back past commits that were flushed and acknowledged. A test that killed
 * a process right after such flushes lost the last acknowledged write in 7 of 264 crashes.
 *
 * <p>So this flush turns the reuse of free space off for its own write: it changes one row
 * ({@code durability_mark}, V15), so that there is always something to write, and runs {@code CHECKPOINT SYNC},
 * whose chunk then goes at the end of the file and holds every change committed before it; then it turns reuse back
 * on, so that the file does not grow without bound. Recovery takes the chunk at the end of the file if it is newer
 * than the one the header names. It returns only once a chunk of that version or a later one is written: a
 * {@code CHECKPOINT SYNC} that finds the changes already taken by H2's background writer stores nothing and may
 * return before that writer's chunk is in the file. It runs on a connection of its own from the pool, never on the
 * caller's (which may still be inside its transaction's completion), and {@link Durability} runs one at a time.
 */
final class H2Flush implements Runnable {

    private static final int MAX_ATTEMPTS = 1000;

    private final DataSource dataSource;

    H2Flush(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void run() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            MVStore store = store(connection);
            if (store.getFileStore() == null) {
                return; // an in-memory database (tests): no file, and nothing that outlives the process
            }
            store.setReuseSpace(false);
            try (Statement sql = connection.createStatement()) {
                sql.executeUpdate("update durability_mark set flushes = flushes + 1 where id = 1");
                long version = store.getCurrentVersion(); // the version this change, and every earlier one, goes in
                for (int attempt = 1; ; attempt++) {
                    sql.execute("CHECKPOINT SYNC");
                    if (store.getFileStore().lastChunkVersion() >= version) {
                        return;
                    }
                    // CHECKPOINT SYNC stores nothing when H2's background writer has already taken the changes,
                    // and then need not wait until that chunk is written: sync again until it is.
                    if (attempt == MAX_ATTEMPTS) {
                        throw new DataAccessResourceFailureException("H2 did not write version " + version
                                + " to its file after " + MAX_ATTEMPTS + " checkpoints");
                    }
                    Thread.sleep(1);
                }
            } finally {
                store.setReuseSpace(true);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot flush the database to disk", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessResourceFailureException("interrupted while flushing the database to disk", e);
        }
    }

    private static MVStore store(Connection connection) throws SQLException {
        if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
            return session.getDatabase().getStore().getMvStore();
        }
        throw new IllegalStateException("the registry flushes only an embedded H2 database, not an H2 server");
    }
}
