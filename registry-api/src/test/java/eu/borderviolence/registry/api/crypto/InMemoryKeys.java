package eu.borderviolence.registry.api.crypto;

import eu.borderviolence.registry.api.config.AxonConfig;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

/** The real vault on an in-memory H2 key table (Flyway V7), for tests outside the application. */
public final class InMemoryKeys {

    private InMemoryKeys() {
    }

    public static JdbcTemplate keyTable() {
        JdbcTemplate keys = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        try {
            keys.execute(Files.readString(Path.of("src/main/resources/db/migration/common/V7__witness_keys.sql")));
            keys.execute(Files.readString(Path.of("src/main/resources/db/migration/common/V8__master_key_id.sql")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    public static KeyVault vault(JdbcTemplate keyTable, byte[] masterKey) {
        return new KeyVault(keyTable, new MasterKey(Base64.getEncoder().encodeToString(masterKey), "", false),
                AxonConfig.storedJson(), Clock.systemUTC());
    }

    /** A vault whose current master key is {@code current}, still able to open keys wrapped by {@code previous}. */
    public static KeyVault rotating(JdbcTemplate keyTable, byte[] current, byte[] previous) {
        return new KeyVault(keyTable, new MasterKey(Base64.getEncoder().encodeToString(current), "", false,
                Base64.getEncoder().encodeToString(previous)), AxonConfig.storedJson(), Clock.systemUTC());
    }

    public static KeyVault vault() {
        return vault(keyTable(), new byte[32]);
    }
}
