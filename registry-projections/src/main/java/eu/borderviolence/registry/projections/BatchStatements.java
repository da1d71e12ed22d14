package eu.borderviolence.registry.projections;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

/**
 * The statements a view's processor sends once per batch rather than once per event: a read of the stored rows of
 * the batch's incidents by key, and the writes of its rows in JDBC batches (docs/benchmarks.md).
 */
public final class BatchStatements {

    /** Keys per statement: far below any database's limit on parameters; a batch of 1,000 events takes at most two. */
    private static final int SLICE = 500;

    private BatchStatements() {
    }

    /**
     * Hands {@code row} every row that {@code query} finds for one of the keys. {@code query} ends with
     * {@code in}, for the list of keys (its single-column primary or unique key, so that the database reads the rows
     * by their key whatever statistics it has), which is sent in slices of a few hundred.
     */
    public static void forEachOf(JdbcTemplate jdbc, String query, List<String> keys, RowCallbackHandler row) {
        for (int from = 0; from < keys.size(); from += SLICE) {
            List<String> slice = keys.subList(from, Math.min(keys.size(), from + SLICE));
            jdbc.query(query + " (" + placeholders(slice.size()) + ")", row, slice.toArray());
        }
    }

    /** {@code count} parameter markers, {@code ?, ?, ?}, for a list of values in a statement. */
    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Runs the statement once per row, in one JDBC batch; nothing when there are no rows. */
    public static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    /** A moment as the views' {@code timestamp with time zone} columns take it, alike on H2 and PostgreSQL. */
    public static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
