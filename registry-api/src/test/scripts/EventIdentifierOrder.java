import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the order of event identifiers costs H2's event table alone (docs/benchmarks.md, "Time-ordered event
 * identifiers"): a table shaped like Axon's, with its two unique indexes, holding {@code preload} events with random
 * identifiers (version 4), then {@code measured} more events with random or time-ordered (version 7) identifiers,
 * committed and flushed ({@code CHECKPOINT SYNC}, as storage.Durability does) every 18 events, which is what a shared
 * flush covers at 16 clients. The aggregate identifiers are random in both, as the incidents' are. Prints the new
 * events' rate, once to warm up and once measured. Single-file Java, run from the repository's root:
 *
 * <pre>
 * CP=~/.m2/repository/com/h2database/h2/2.5.252/h2-2.5.252.jar:~/.m2/repository/com/fasterxml/uuid/java-uuid-generator/5.1.0/java-uuid-generator-5.1.0.jar
 * java -Xmx512m -cp $CP registry-api/src/test/scripts/EventIdentifierOrder.java v4 1000000 50000 /tmp/order-v4
 * java -Xmx512m -cp $CP registry-api/src/test/scripts/EventIdentifierOrder.java v7 1000000 50000 /tmp/order-v7
 * </pre>
 *
 * The directory given last is emptied first and left with the database (several GB at a million events).
 */
public class EventIdentifierOrder {

    private static final int EVENTS_PER_FLUSH = 18;

    public static void main(String[] arguments) throws Exception {
        String kind = arguments[0];
        int preload = Integer.parseInt(arguments[1]);
        int measured = Integer.parseInt(arguments[2]);
        Path directory = Path.of(arguments[3]);
        if (Files.exists(directory)) {
            try (var files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        TimeBasedEpochGenerator timeOrdered = Generators.timeBasedEpochGenerator();
        Supplier<String> random = () -> UUID.randomUUID().toString();
        Supplier<String> fresh = switch (kind) {
            case "v4" -> random;
            case "v7" -> () -> timeOrdered.generate().toString();
            default -> throw new IllegalArgumentException("v4 or v7, not " + kind);
        };
        byte[] payload = new byte[100]; // the payload lies in the table, not in the identifiers' index
        new Random(7).nextBytes(payload);
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + directory + "/events", "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("create table events (global_index bigint primary key, "
                    + "event_identifier varchar(255) not null unique, aggregate_identifier varchar(255) not null, "
                    + "sequence_number bigint not null, payload varbinary(10000), "
                    + "unique (aggregate_identifier, sequence_number))");
            connection.setAutoCommit(false);
            PreparedStatement insert = connection.prepareStatement("insert into events values (?, ?, ?, ?, ?)");
            long position = 0;
            for (int i = 0; i < preload; i++) {
                insert(insert, ++position, random.get(), payload);
                if (i % 1000 == 999) {
                    connection.commit();
                }
            }
            connection.commit();
            statement.execute("checkpoint sync");
            for (String round : new String[] {"warm-up", "measured"}) {
                long started = System.nanoTime();
                for (int i = 0; i < measured; i++) {
                    insert(insert, ++position, fresh.get(), payload);
                    if (i % EVENTS_PER_FLUSH == EVENTS_PER_FLUSH - 1) {
                        connection.commit();
                        statement.execute("checkpoint sync");
                    }
                }
                connection.commit();
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("%s, %d events before, %s: %d events in %.2f s, %.0f a second%n", kind, preload,
                        round, measured, seconds, measured / seconds);
            }
        }
    }

    private static void insert(PreparedStatement insert, long position, String identifier, byte[] payload)
            throws SQLException {
        insert.setLong(1, position);
        insert.setString(2, identifier);
        insert.setString(3, UUID.randomUUID().toString());
        insert.setLong(4, 0);
        insert.setBytes(5, payload);
        insert.executeUpdate();
    }
}
