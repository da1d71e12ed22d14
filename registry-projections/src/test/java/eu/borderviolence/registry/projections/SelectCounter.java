package eu.borderviolence.registry.projections;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the queries Hibernate sends, for tests that show a processor batch reads its rows at once rather than one
 * event at a time. Installed with {@link #PROPERTY}; one count for the whole test JVM, so tests reset it first.
 */
public final class SelectCounter implements StatementInspector {

    public static final String PROPERTY = "spring.jpa.properties.hibernate.session_factory.statement_inspector="
            + "eu.borderviolence.registry.projections.SelectCounter";

    private static final AtomicInteger SELECTS = new AtomicInteger();

    @Override
    public String inspect(String sql) {
        if (sql.stripLeading().toLowerCase(Locale.ROOT).startsWith("select")) {
            SELECTS.incrementAndGet();
        }
        return sql;
    }

    public static void reset() {
        SELECTS.set(0);
    }

    public static int selects() {
        return SELECTS.get();
    }
}
