package eu.borderviolence.registry.projections;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Which of its two databases the registry runs on, where the registry must behave differently on each. */
public final class Databases {

    private Databases() {
    }

    /** True on H2, the embedded default; false on PostgreSQL. */
    public static boolean isH2(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the registry runs on", e);
        }
    }
}
