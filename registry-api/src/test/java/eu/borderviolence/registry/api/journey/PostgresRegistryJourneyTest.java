package eu.borderviolence.registry.api.journey;

import eu.borderviolence.registry.api.storage.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same journey on PostgreSQL, with the postgres profile: a fresh database per test, the restart on the same
 * database. Hibernate validates the PostgreSQL migration against Axon's mappings, and Axon's byte columns must be
 * {@code bytea}, never {@code oid} large objects.
 */
class PostgresRegistryJourneyTest extends RegistryJourneyTest {

    private TestPostgres.Database database;

    @BeforeEach
    void freshDatabase() {
        database = TestPostgres.freshDatabase("journey");
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.drop();
        }
    }

    @Override
    protected boolean flushesItself() {
        return false; // PostgreSQL's commit is durable itself (synchronous_commit = on)
    }

    @Override
    protected List<String> storage(Path dataDir) {
        return database.applicationArguments();
    }

    @Override
    protected void assertStoredIn(Path dataDir) {
        try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
            ResultSet types = sql.executeQuery("select table_name || '.' || column_name || ' ' || data_type "
                    + "from information_schema.columns where table_schema = 'public' "
                    + "and column_name in ('payload', 'meta_data', 'token', 'serialized_saga', 'diagnostics')");
            List<String> columns = new ArrayList<>();
            while (types.next()) {
                columns.add(types.getString(1));
            }
            assertThat(columns).hasSize(10).allSatisfy(column -> assertThat(column).endsWith(" bytea"));
            ResultSet largeObjects = sql.executeQuery("select count(*) from pg_largeobject_metadata");
            largeObjects.next();
            assertThat(largeObjects.getLong(1)).isZero();
            ResultSet events = sql.executeQuery("select count(*) from domain_event_entry");
            events.next();
            assertThat(events.getLong(1)).isGreaterThan(10);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
