package eu.borderviolence.registry.api.storage;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migration V12 on an H2 registry whose events and tokens are BLOBs: every byte stays as it was (the hash chain is
 * computed over them), the columns become VARBINARY, and a payload is still required.
 */
class BinaryColumnsMigrationTest {

    @Test
    void eventsAndTokensKeepEveryByteInVarbinaryColumns() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:binary-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrate(h2, "11");
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        byte[] payload = new byte[70_000]; // larger than H2 keeps in a row as a BLOB
        new Random(2023).nextBytes(payload);
        byte[] metaData = "{\"actor\":\"monitor-1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] token = {0, 1, 2, (byte) 0xff, 0};
        jdbc.update("insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                + "values (1, 'e-1', 'a-1', 0, 'Incident', '2023-07-16T09:05:00Z', 'Reported', '1', ?, ?)",
                payload, metaData);
        jdbc.update("insert into token_entry (processor_name, segment, timestamp, token_type, token) "
                + "values ('incident-facts', 0, '2023-07-16T09:05:00Z', 'token', ?)", (Object) token);

        migrate(h2, "12");

        assertThat(jdbc.queryForObject("select payload from domain_event_entry", byte[].class)).isEqualTo(payload);
        assertThat(jdbc.queryForObject("select meta_data from domain_event_entry", byte[].class)).isEqualTo(metaData);
        assertThat(jdbc.queryForObject("select token from token_entry", byte[].class)).isEqualTo(token);
        List<String> types = jdbc.queryForList("select distinct data_type from information_schema.columns "
                + "where table_schema = 'PUBLIC' and column_name in ('PAYLOAD', 'META_DATA', 'TOKEN', "
                + "'SERIALIZED_SAGA', 'DIAGNOSTICS')", String.class);
        assertThat(types).containsExactly("BINARY VARYING");
        assertThatThrownBy(() -> jdbc.update("insert into domain_event_entry (global_index, event_identifier, "
                + "aggregate_identifier, sequence_number, time_stamp, payload_type) "
                + "values (2, 'e-2', 'a-1', 1, '2023-07-16T09:06:00Z', 'Reported')"))
                .as("a payload is still required").isInstanceOf(DataIntegrityViolationException.class);
    }

    private static void migrate(JdbcDataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).target(MigrationVersion.fromVersion(target))
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
    }
}
