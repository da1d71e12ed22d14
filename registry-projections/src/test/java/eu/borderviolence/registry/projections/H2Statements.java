package eu.borderviolence.registry.projections;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Counts the queries the tests' H2 database runs, whoever sends them (Hibernate or a JdbcTemplate), from H2's own
 * query statistics ({@code SET QUERY_STATISTICS}), for tests that show a processor batch reads its rows at once
 * rather than one event at a time. The statistics are the database's, so tests reset them first.
 *
 * <p>Each call takes a connection of its own from the data source, never the test's: a {@code SET} commits the
 * transaction it runs in, which would keep the test's rows past its end.
 */
public final class H2Statements {

    private static final String COUNT = "select coalesce(sum(execution_count), 0) "
            + "from information_schema.query_statistics where lower(sql_statement) like 'select%' "
            + "and lower(sql_statement) like ? and lower(sql_statement) not like '%information_schema%'";

    private final DataSource dataSource;

    public H2Statements(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Forgets the queries run so far and counts from now on. */
    public void reset() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("set query_statistics false");
            statement.execute("set query_statistics true");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset H2's query statistics", e);
        }
    }

    /** How many queries, of any table, ran since {@link #reset} (this count's own aside). */
    public long selects() {
        return count("%");
    }

    /** How many times, since {@link #reset}, a query read from {@code table}. */
    public long selectsFrom(String table) {
        return count("% from " + table + " %");
    }

    private long count(String pattern) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(COUNT)) {
            statement.setString(1, pattern);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read H2's query statistics", e);
        }
    }
}
