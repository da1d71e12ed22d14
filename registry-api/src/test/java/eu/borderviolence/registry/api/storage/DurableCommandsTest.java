package eu.borderviolence.registry.api.storage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command is answered only after its transaction committed and the flush to disk succeeded: the flush sees the
 * command's row committed (from another connection), and a failed flush fails the command.
 */
class DurableCommandsTest {

    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private JdbcDataSource database;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:durable-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(database);
        jdbc.execute("create table testimony (id varchar(36) primary key)");
    }

    @Test
    void theFlushComesAfterTheCommitAndBeforeTheAnswer() {
        CommandResultMessage<?> result = send(flushing(null), false);

        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload()).isEqualTo("stored");
        assertThat(steps).containsExactly("handled", "flushed with 1 row committed");
    }

    @Test
    void aCommandWhoseInterceptorRunsTwiceIsStillFlushedOnceAndTimed() {
        // As when the interceptor was registered by hand and by Axon's auto-configuration: each run asked for a flush
        // after the commit, and the command waited for two.
        CommandResultMessage<?> result = send(flushing(null), false, 2);

        assertThat(result.isExceptional()).isFalse();
        assertThat(steps).containsExactly("handled", "flushed with 1 row committed");
        assertThat(meters.get("registry.durability.flush").timer().count()).isEqualTo(1);
    }

    @Test
    void aFailedFlushIsAnsweredAsAFailureThoughTheCommandStaysStored() {
        CommandResultMessage<?> result = send(flushing(new DataAccessResourceFailureException("disk full")), false);

        assertThat(result.isExceptional()).isTrue();
        assertThat(steps).containsExactly("handled", "flush failed with 1 row committed");
        assertThat(committedRows()).isEqualTo(1);
    }

    @Test
    void aRefusedCommandStoresNothingAndFlushesNothing() {
        CommandResultMessage<?> result = send(flushing(null), true);

        assertThat(result.isExceptional()).isTrue();
        assertThat(steps).containsExactly("handled");
        assertThat(committedRows()).isZero();
    }

    @Test
    void onPostgresqlTheCommitAloneIsDurableAndNothingIsAdded() {
        CommandResultMessage<?> result = send(new Durability(new RecordingFlush(null), false, meters), false);

        assertThat(result.isExceptional()).isFalse();
        assertThat(steps).containsExactly("handled");
    }

    @Test
    void withoutATransactionTheCommandIsRefusedRatherThanAnsweredUnflushed() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(new DurableCommands(flushing(null)));
        bus.subscribe(String.class.getName(), command -> "stored");

        assertThat(dispatch(bus).isExceptional()).isTrue();
    }

    @Test
    void anAdministratorsWriteOutsideATransactionIsFlushedAtOnce() {
        Durability durability = flushing(null);
        jdbc.update("insert into testimony (id) values ('revocation')");

        durability.afterWrite();

        assertThat(steps).containsExactly("flushed with 1 row committed");
    }

    @Test
    void aWriteInATransactionIsFlushedAfterItsCommitAndNeverAfterARollback() {
        Durability durability = flushing(null);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(database));

        transactions.executeWithoutResult(status -> {
            jdbc.update("insert into testimony (id) values ('token')");
            durability.afterWrite();
            assertThat(steps).isEmpty();
        });
        transactions.executeWithoutResult(status -> {
            jdbc.update("insert into testimony (id) values ('grant')");
            durability.afterWrite();
            status.setRollbackOnly();
        });

        assertThat(steps).containsExactly("flushed with 1 row committed");
    }

    @Test
    void theRegistryFlushesItselfOnH2Only() {
        Durability h2 = Durability.of(database, meters);
        assertThat(h2.flushes()).isTrue();
        h2.flush(); // in memory: no file to write (H2FlushTest flushes a file)

        TestPostgres.Database postgres = TestPostgres.freshDatabase("durability");
        try {
            assertThat(Durability.of(new DriverManagerDataSource(postgres.url(), postgres.user(),
                    postgres.password()), meters).flushes()).isFalse();
        } finally {
            postgres.drop();
        }
    }

    private Durability flushing(RuntimeException failure) {
        return new Durability(new RecordingFlush(failure), true, meters);
    }

    private CommandResultMessage<?> send(Durability durability, boolean refuse) {
        return send(durability, refuse, 1);
    }

    private CommandResultMessage<?> send(Durability durability, boolean refuse, int interceptors) {
        SimpleCommandBus bus = SimpleCommandBus.builder()
                .transactionManager(new SpringTransactionManager(new DataSourceTransactionManager(database))).build();
        for (int i = 0; i < interceptors; i++) {
            bus.registerHandlerInterceptor(new DurableCommands(durability));
        }
        bus.subscribe(String.class.getName(), command -> {
            jdbc.update("insert into testimony (id) values (?)", UUID.randomUUID().toString());
            steps.add("handled");
            if (refuse) {
                throw new IllegalStateException("refused");
            }
            return "stored";
        });
        return dispatch(bus);
    }

    private static CommandResultMessage<?> dispatch(SimpleCommandBus bus) {
        CompletableFuture<CommandResultMessage<?>> answer = new CompletableFuture<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage("testimony"), (command, message) -> answer.complete(message));
        return answer.join();
    }

    /** Rows committed, as another connection sees them. */
    private long committedRows() {
        Long rows = new JdbcTemplate(database).queryForObject("select count(*) from testimony", Long.class);
        return rows == null ? 0 : rows;
    }

    private final class RecordingFlush implements Runnable {
        private final RuntimeException failure;

        RecordingFlush(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public void run() {
            if (failure != null) {
                steps.add("flush failed with " + committedRows() + " row committed");
                throw failure;
            }
            steps.add("flushed with " + committedRows() + " row committed");
        }
    }
}
