package eu.borderviolence.registry.projections;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.util.ClassUtils;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The statements a view's processor sends once per batch rather than once per event: a read of the stored rows of
 * the batch's incidents by key, and the writes of its rows in JDBC batches (docs/benchmarks.md).
 */
public final class BatchStatements {

    /** Keys per statement: far below any database's limit on parameters; a batch of 1,000 events takes at most two. */
    private static final int SLICE = 500;

    /** Whether PostgreSQL's driver is there to ask (an optional dependency: H2 needs none of it). */
    private static final boolean POSTGRES_DRIVER = ClassUtils.isPresent("org.postgresql.PGStatement",
            BatchStatements.class.getClassLoader());

    private BatchStatements() {
    }

    /**
     * Hands {@code row} every row that {@code query} finds for one of the keys. {@code query} ends with
     * {@code in}, for the list of keys (its single-column primary or unique key, so that the database reads the rows
     * by their key whatever statistics it has), which is sent in slices of a few hundred.
     *
     * <p>On PostgreSQL the statement is planned for its keys every time it runs, never prepared once on the server
     * ({@link #plannedEveryTime}): a rebuild truncates the view's tables, and a plan made for a list of keys while a
     * table was nearly empty scans it whole, a plan PostgreSQL would otherwise keep as the rebuild fills the table.
     */
    public static void forEachOf(JdbcTemplate jdbc, String query, List<?> keys, RowCallbackHandler row) {
        for (int from = 0; from < keys.size(); from += SLICE) {
            List<?> slice = keys.subList(from, Math.min(keys.size(), from + SLICE));
            String sql = query + " (" + placeholders(slice.size()) + ")";
            ArgumentPreparedStatementSetter values = new ArgumentPreparedStatementSetter(slice.toArray());
            jdbc.query(connection -> {
                PreparedStatement statement = plannedEveryTime(connection.prepareStatement(sql));
                values.setValues(statement);
                return statement;
            }, row);
        }
    }

    /**
     * The statement, made to be planned every time it runs if it is PostgreSQL's. Its driver prepares a statement on
     * the server once it has run it five times, and the server then plans it once for any values (a generic plan)
     * if that plan looks no costlier than those it made for the values given. For a list of keys in a table that
     * looks empty, as after a {@code TRUNCATE}, the cheapest plan is a scan of the whole table, and the server keeps
     * it until the table is analyzed again, however large the table grows meanwhile (docs/benchmarks.md).
     * A statement never prepared on the server is planned for its values and the table as it is, which costs
     * PostgreSQL a fraction of a millisecond for a batch's read.
     */
    static PreparedStatement plannedEveryTime(PreparedStatement statement) throws SQLException {
        if (POSTGRES_DRIVER && statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        return statement;
    }

    /** {@code count} parameter markers, {@code ?, ?, ?}, for a list of values in a statement. */
    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /**
     * Runs the statement once per row, in one JDBC batch; nothing when there are no rows. Each value is set as
     * {@link JdbcTemplate#batchUpdate(String, List)} sets it, but strings, numbers, dates, moments, arrays of strings
     * and UUIDs straight on the statement: Spring's general path asks its logger whether to trace for every value (3%
     * of a rebuild's processor samples, docs/benchmarks.md). Nulls and {@link SqlParameterValue}s still take it.
     */
    public static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int index) throws SQLException {
                Object[] row = rows.get(index);
                for (int column = 1; column <= row.length; column++) {
                    set(statement, column, row[column - 1]);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private static void set(PreparedStatement statement, int column, Object value) throws SQLException {
        if (value instanceof String text) {
            statement.setString(column, text);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean
                || value instanceof OffsetDateTime || value instanceof LocalDate || value instanceof String[]
                || value instanceof UUID) {
            statement.setObject(column, value); // as StatementCreatorUtils does for these
        } else if (value instanceof SqlParameterValue typed) {
            StatementCreatorUtils.setParameterValue(statement, column, typed, typed.getValue());
        } else {
            StatementCreatorUtils.setParameterValue(statement, column, SqlTypeValue.TYPE_UNKNOWN, value);
        }
    }

    /**
     * A moment as the views' {@code timestamp with time zone} columns take it, alike on H2 and PostgreSQL. Built
     * from its UTC date and time: {@code Instant.atOffset} makes the offset's zone rules anew for every call.
     */
    public static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.of(LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), ZoneOffset.UTC),
                ZoneOffset.UTC);
    }
}
