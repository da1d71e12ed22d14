package eu.borderviolence.registry.api.storage;

import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one test, on the server at {@code REGISTRY_TEST_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code REGISTRY_TEST_POSTGRES_USER}, default
 * {@code postgres}). Where no server answers, the test is skipped with a message saying so; in CI ({@code CI=true})
 * it fails instead, because there the PostgreSQL tests must run.
 */
public final class TestPostgres {

    private static final String SERVER = env("REGISTRY_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("REGISTRY_TEST_POSTGRES_USER", "postgres");
    private static final String PASSWORD = env("REGISTRY_TEST_POSTGRES_PASSWORD", "");

    private TestPostgres() {
    }

    /** A database that exists only for this test; {@link Database#drop()} removes it. */
    public record Database(String name, String url, String user, String password) {

        /** Spring's connection properties for an application on this database, with the postgres profile. */
        public List<String> applicationArguments() {
            return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + user, "--spring.datasource.password=" + password);
        }

        /** A plain data source on this database, for tests that run Flyway or JDBC outside an application. */
        public DataSource dataSource() {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(url);
            dataSource.setUser(user);
            dataSource.setPassword(password);
            return dataSource;
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        public void drop() {
            try (Connection server = DriverManager.getConnection(SERVER, USER, PASSWORD);
                 Statement sql = server.createStatement()) {
                sql.execute("drop database if exists " + name + " with (force)");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop test database " + name, e);
            }
        }
    }

    public static Database freshDatabase(String purpose) {
        String name = ("registry_test_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection server = DriverManager.getConnection(SERVER, USER, PASSWORD);
             Statement sql = server.createStatement()) {
            sql.execute("create database " + name);
        } catch (SQLException unreachable) {
            String message = "PostgreSQL is not reachable at " + SERVER + " as " + USER + " ("
                    + unreachable.getMessage() + "). Start it, or point REGISTRY_TEST_POSTGRES_URL, _USER and "
                    + "_PASSWORD at a server where this user may create databases (README, 'PostgreSQL tests').";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true: the PostgreSQL tests must run, never skip. " + message,
                        unreachable);
            }
            Assumptions.abort("Skipped: " + message);
        }
        return on(name);
    }

    /** A database kept between runs (benchmark histories): created when missing, never dropped here. */
    public static Database keptDatabase(String name) {
        if (exists(name)) {
            return on(name);
        }
        try (Connection server = DriverManager.getConnection(SERVER, USER, PASSWORD);
             Statement sql = server.createStatement()) {
            sql.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + SERVER + ": " + e.getMessage(), e);
        }
        return on(name);
    }

    /** Whether a database of this name exists on the server. */
    public static boolean exists(String name) {
        try (Connection server = DriverManager.getConnection(SERVER, USER, PASSWORD);
             var sql = server.prepareStatement("select 1 from pg_database where datname = ?")) {
            sql.setString(1, name);
            try (var found = sql.executeQuery()) {
                return found.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + SERVER + ": " + e.getMessage(), e);
        }
    }

    /**
     * A new kept database created as a copy of another (PostgreSQL's {@code template}: a copy of its files, far
     * faster than loading it again); nothing may be connected to the original meanwhile.
     */
    public static Database copyOf(String original, String name) {
        try (Connection server = DriverManager.getConnection(SERVER, USER, PASSWORD);
             Statement sql = server.createStatement()) {
            sql.execute("create database " + name + " template " + original);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy database " + original + " to " + name + ": "
                    + e.getMessage(), e);
        }
        return on(name);
    }

    /** The database of this name on the test server. */
    private static Database on(String name) {
        return new Database(name, SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + name, USER, PASSWORD);
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
