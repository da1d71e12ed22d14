package eu.borderviolence.registry.api.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.api.integrity.ChainVerification;
import eu.borderviolence.registry.api.integrity.ChainVerifier;
import eu.borderviolence.registry.api.integrity.IntegrityChain;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.migration.JavaMigration;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Copies a single-node registry from its embedded H2 database to a new PostgreSQL database, for an organisation
 * that moves to several nodes (docs/operations.md, "Moving from H2 to PostgreSQL").
 *
 * <p>What is copied is what cannot be recomputed, row for row and byte for byte: every event with its identifier,
 * global position, aggregate sequence, timestamp, payload and metadata; snapshots; the integrity chain and its
 * processor's position; witnesses' wrapped keys (erased ones stay erased); accounts, token hashes and case grants;
 * idempotency records; the record of view rebuilds. The views are not copied: they are rebuilt from the copied events
 * when the registry first starts on PostgreSQL, and answer 503 until they are complete.
 *
 * <p>The source is opened read-only and must not be in use (stop the service first); its schema must be at this
 * version's latest migration. The target must be empty; Flyway creates its schema. The copy is one transaction:
 * it lands whole or not at all. Afterwards every copied table is compared, row by row, through a SHA-256 digest on
 * both sides, and the integrity chain is verified on the target and must end in the same hash as on the source.
 */
public final class RegistryCopy {

    /**
     * The registry's Java migrations, so that versions are compared in full. Their mapper reads no facts here: the
     * source is only inspected, and the target's views are empty until they are rebuilt on it.
     */
    private static final JavaMigration[] JAVA_MIGRATIONS = {new FrontexSelectionBackfill(new ObjectMapper())};

    /** Tables copied, in an order that satisfies their foreign keys, each with the key it is compared in. */
    private static final List<Table> TABLES = List.of(
            new Table("domain_event_entry", "global_index"),
            new Table("snapshot_event_entry", "aggregate_identifier, sequence_number, type"),
            new Table("event_chain", "link_number"),
            new Table("witness_key", "key_id"),
            new Table("registry_account", "username"),
            new Table("api_token", "token_id"),
            new Table("case_grant", "username, incident_id"),
            new Table("idempotency_record", "organisation, scope, idempotency_key"),
            new Table("view_rebuild", "view_name, generation"),
            new Table("association_value_entry", "id"),
            new Table("saga_entry", "saga_id"),
            new Table("dead_letter_entry", "dead_letter_id"));
    private static final int BATCH = 1000;
    static final String COPIED_BY = "copy-to-postgres";

    private record Table(String name, String key) {
    }

    private final DataSource source;
    private final DataSource target;
    private final PrintStream out;

    RegistryCopy(DataSource source, DataSource target, PrintStream out) {
        this.source = source;
        this.target = target;
        this.out = out;
    }

    /**
     * The command line: {@code copy-to-postgres --from=<H2 data directory> --to=<jdbc:postgresql://...>
     * [--to-user=<name>]}; the target's password comes from the environment variable
     * {@code REGISTRY_COPY_TO_PASSWORD}, never from the command line, which other users of the machine can read.
     * Returns the process exit code: 0 when the copy landed and verified.
     */
    public static int run(String[] args, PrintStream out) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                return usage(out, "unexpected argument " + arg);
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        if (!options.containsKey("from") || !options.containsKey("to")) {
            return usage(out, "--from and --to are required");
        }
        Path dataDir = Path.of(options.get("from"));
        if (!Files.exists(dataDir.resolve("registry.mv.db"))) {
            return usage(out, "no registry database (registry.mv.db) in " + dataDir.toAbsolutePath());
        }
        JdbcDataSource h2 = new JdbcDataSource();
        // Read-only: the copy never changes its source.
        h2.setURL("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("registry") + ";ACCESS_MODE_DATA=r");
        h2.setUser(options.getOrDefault("from-user", "registry"));
        h2.setPassword(System.getenv().getOrDefault("REGISTRY_COPY_FROM_PASSWORD", ""));
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(options.get("to"));
        postgres.setUser(options.getOrDefault("to-user", "registry"));
        postgres.setPassword(System.getenv().getOrDefault("REGISTRY_COPY_TO_PASSWORD", ""));
        try {
            return new RegistryCopy(h2, postgres, out).copy() ? 0 : 1;
        } catch (CopyRefused refused) {
            out.println("Refused: " + refused.getMessage());
            return 2;
        } catch (SQLException | RuntimeException failed) {
            out.println("The copy failed; no data was committed to the target (drop it and create it anew before "
                    + "trying again): " + failed);
            return 1;
        }
    }

    private static int usage(PrintStream out, String problem) {
        out.println(problem);
        out.println("usage: copy-to-postgres --from=<H2 data directory> --to=jdbc:postgresql://<host>:<port>/<db> "
                + "[--to-user=<user>] [--from-user=<user>]  (passwords: REGISTRY_COPY_TO_PASSWORD, "
                + "REGISTRY_COPY_FROM_PASSWORD)");
        return 64;
    }

    /** Copies and verifies; true when everything compared equal. */
    boolean copy() throws SQLException {
        MigrationInfo sourceVersion = schemaVersion();
        ChainVerification sourceChain = ChainVerifier.verifyAsStored(new JdbcTemplate(source));
        if (!sourceChain.intact()) {
            throw new CopyRefused("the source's integrity chain is broken at " + sourceChain.firstBrokenLink()
                    + "; investigate before copying (GET /api/v1/audit/verify)");
        }
        migrateTarget();
        out.printf("Copying a registry at schema version %s, %d linked events%n", sourceVersion.getVersion(),
                sourceChain.checked());
        try (Connection from = source.getConnection(); Connection to = target.getConnection()) {
            to.setAutoCommit(false);
            try {
                for (Table table : TABLES) {
                    long rows = copyTable(from, to, table);
                    out.printf("  %-24s %,d rows%n", table.name(), rows);
                }
                copyChainPosition(from, to);
                continueSequences(to);
                rebuildViewsOnStart(from, to);
                to.commit();
            } catch (SQLException | RuntimeException e) {
                to.rollback();
                throw e;
            }
        }
        return verify(sourceChain);
    }

    private MigrationInfo schemaVersion() {
        Flyway sourceSchema = Flyway.configure().dataSource(source)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .javaMigrations(JAVA_MIGRATIONS).load();
        MigrationInfo current = sourceSchema.info().current();
        if (current == null) {
            throw new CopyRefused("the source has no registry schema");
        }
        if (sourceSchema.info().pending().length > 0) {
            throw new CopyRefused("the source is at schema version " + current.getVersion() + ", older than this "
                    + "version of the registry: start the service on it once, so it is upgraded, stop it, then copy");
        }
        return current;
    }

    private void migrateTarget() {
        Flyway targetSchema = Flyway.configure().dataSource(target)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .javaMigrations(JAVA_MIGRATIONS).load();
        if (targetSchema.info().applied().length > 0) {
            throw new CopyRefused("the target database already holds a registry schema; copy into a new, empty "
                    + "database only");
        }
        targetSchema.migrate();
    }

    private static long copyTable(Connection from, Connection to, Table table) throws SQLException {
        try (Statement read = from.createStatement()) {
            read.setFetchSize(BATCH);
            try (ResultSet rows = read.executeQuery("select * from " + table.name() + " order by " + table.key())) {
                ResultSetMetaData columns = rows.getMetaData();
                StringJoiner names = new StringJoiner(", ");
                StringJoiner marks = new StringJoiner(", ");
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    names.add(columns.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                    marks.add("?");
                }
                long copied = 0;
                try (PreparedStatement write = to.prepareStatement("insert into " + table.name() + " (" + names
                        + ") values (" + marks + ")")) {
                    while (rows.next()) {
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            write.setObject(i, value(rows, columns, i));
                        }
                        write.addBatch();
                        if (++copied % BATCH == 0) {
                            write.executeBatch();
                        }
                    }
                    write.executeBatch();
                }
                return copied;
            }
        }
    }

    /** A column's value in a form both drivers agree on: bytes as bytes, instants as offset date-times. */
    private static Object value(ResultSet rows, ResultSetMetaData columns, int column) throws SQLException {
        return switch (columns.getColumnType(column)) {
            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> rows.getBytes(column);
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> rows.getObject(column, OffsetDateTime.class);
            default -> rows.getObject(column);
        };
    }

    /** The chain goes on from where it stopped: its processor's position comes along, released. */
    private static void copyChainPosition(Connection from, Connection to) throws SQLException {
        try (PreparedStatement read = from.prepareStatement("select segment, timestamp, token_type, token "
                + "from token_entry where processor_name = ?")) {
            read.setString(1, IntegrityChain.PROCESSING_GROUP);
            try (ResultSet token = read.executeQuery();
                 PreparedStatement write = to.prepareStatement("insert into token_entry (processor_name, segment, "
                         + "owner, timestamp, token_type, token) values (?, ?, null, ?, ?, ?)")) {
                while (token.next()) {
                    write.setString(1, IntegrityChain.PROCESSING_GROUP);
                    write.setInt(2, token.getInt(1));
                    write.setString(3, token.getString(2));
                    write.setString(4, token.getString(3));
                    write.setBytes(5, token.getBytes(4));
                    write.executeUpdate();
                }
            }
        }
    }

    /** New events continue after the last copied position. */
    private static void continueSequences(Connection to) throws SQLException {
        try (Statement sql = to.createStatement()) {
            sql.execute("select setval('domain_event_global_index_seq', "
                    + "coalesce((select max(global_index) from domain_event_entry), 0) + 1, false)");
            sql.execute("select setval('association_value_entry_seq', "
                    + "coalesce((select max(id) from association_value_entry), 0) + 1, false)");
        }
    }

    /**
     * Each view the source had is rebuilt on the target's first start; recorded as a rebuild under way, so every
     * node answers 503 for it until it has replayed up to the last copied event.
     */
    private static void rebuildViewsOnStart(Connection from, Connection to) throws SQLException {
        List<String> views = new ArrayList<>();
        try (PreparedStatement read = from.prepareStatement("select distinct processor_name from token_entry "
                + "where processor_name <> ? order by processor_name")) {
            read.setString(1, IntegrityChain.PROCESSING_GROUP);
            try (ResultSet names = read.executeQuery()) {
                while (names.next()) {
                    views.add(names.getString(1));
                }
            }
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement write = to.prepareStatement("insert into view_rebuild (view_name, generation, state, "
                + "requested_by, requested_at, target_position, replay_started_at) values (?, "
                + "coalesce((select max(generation) from view_rebuild where view_name = ?), 0) + 1, 'REPLAYING', ?, ?, "
                + "coalesce((select max(global_index) from domain_event_entry), 0), ?)")) {
            for (String view : views) {
                write.setString(1, view);
                write.setString(2, view);
                write.setString(3, COPIED_BY);
                write.setTimestamp(4, now);
                write.setTimestamp(5, now);
                write.executeUpdate();
            }
        }
    }

    private boolean verify(ChainVerification sourceChain) throws SQLException {
        boolean equal = true;
        try (Connection from = source.getConnection(); Connection to = target.getConnection()) {
            for (Table table : TABLES) {
                Digest copied = digest(from, table, table.name().equals("view_rebuild"));
                Digest landed = digest(to, table, table.name().equals("view_rebuild"));
                boolean same = copied.equals(landed);
                equal &= same;
                out.printf("  %-24s %s (%,d rows, sha-256 %s)%n", table.name(), same ? "identical" : "DIFFERENT",
                        landed.rows(), landed.sha256().substring(0, 16));
            }
        }
        ChainVerification targetChain = ChainVerifier.verifyAsStored(new JdbcTemplate(target));
        boolean chainHolds = targetChain.intact() && targetChain.checked() == sourceChain.checked()
                && java.util.Objects.equals(targetChain.headHash(), sourceChain.headHash());
        out.printf("Integrity chain on the target: %s, %d links, head hash %s%n",
                chainHolds ? "intact and identical" : "NOT IDENTICAL", targetChain.checked(), targetChain.headHash());
        equal &= chainHolds;
        out.println(equal ? "Copy verified. Start the registry with the postgres profile on the target; the views are "
                + "rebuilt on first start." : "The copy differs from its source: do not use it; drop the target "
                + "database and investigate.");
        return equal;
    }

    private record Digest(long rows, String sha256) {
    }

    /** SHA-256 over every row in key order, each column in a form both databases agree on. */
    private static Digest digest(Connection connection, Table table, boolean onlyCopiedRows) throws SQLException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long rows = 0;
        String where = onlyCopiedRows ? " where requested_by <> '" + COPIED_BY + "' or state <> 'REPLAYING'" : "";
        try (Statement read = connection.createStatement()) {
            read.setFetchSize(BATCH);
            try (ResultSet result = read.executeQuery("select * from " + table.name() + where + " order by "
                    + table.key())) {
                ResultSetMetaData columns = result.getMetaData();
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    names.add(columns.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                }
                List<String> sorted = names.stream().sorted().toList();
                while (result.next()) {
                    rows++;
                    for (String name : sorted) {
                        int column = names.indexOf(name) + 1;
                        Object value = value(result, columns, column);
                        String text = value == null ? "\u0000null" : value instanceof byte[] bytes
                                ? HexFormat.of().formatHex(bytes) : value instanceof OffsetDateTime time
                                ? time.toInstant().toString() : value.toString();
                        sha.update((name + "=" + text + "\u0001").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                    sha.update((byte) '\n');
                }
            }
        }
        return new Digest(rows, HexFormat.of().formatHex(sha.digest()));
    }

    /** A precondition of the copy does not hold; nothing was written. */
    static final class CopyRefused extends RuntimeException {
        CopyRefused(String message) {
            super(message);
        }
    }
}
