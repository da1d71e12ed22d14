package eu.borderviolence.registry.projections.figures;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.CorroborationSource;
import eu.borderviolence.registry.core.api.IncidentCorroboratedEvent;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentFactsCorrectedEvent;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentMergedEvent;
import eu.borderviolence.registry.core.api.IncidentReportedEvent;
import eu.borderviolence.registry.core.api.IncidentRetractedEvent;
import eu.borderviolence.registry.projections.EventFeed;
import eu.borderviolence.registry.projections.ViewMigrations;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;

import static eu.borderviolence.registry.projections.Incidents.LAWYER;
import static eu.borderviolence.registry.projections.Incidents.MONITOR;

/**
 * What every view's test needs: the shared incident facts' tables from registry-api's Flyway migrations
 * ({@link ViewMigrations}), and a feed that calls the handlers of {@link IncidentFactsProjection} the way its
 * processor does, with the incident events of a case's life.
 */
@JdbcTest(properties = {"spring.sql.init.mode=always",
        "spring.sql.init.schema-locations=" + ViewMigrations.SCRIPTS})
public abstract class FigureProjectionTest {

    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected PlatformTransactionManager transactions;

    protected EventFeed events;
    protected FactTables facts;

    /** The view under test, made with the shared {@link #facts}. */
    protected abstract Object projection();

    @BeforeEach
    void feedTheProjection() {
        facts = new FactTables(jdbc, json, transactions);
        projection();
        events = new EventFeed(() -> {
        }, new IncidentFactsProjection(facts));
    }

    protected IncidentId report(IncidentFacts facts) {
        IncidentId id = IncidentId.random();
        events.publish(id, new IncidentReportedEvent(id, facts, MONITOR), MONITOR);
        return id;
    }

    protected EventMessage<?> correct(IncidentId id, IncidentFacts facts) {
        return events.publish(id, new IncidentFactsCorrectedEvent(id, facts, List.of("facts"), "checked", LAWYER),
                LAWYER);
    }

    protected void corroborate(IncidentId id, ConfidenceStatus confidence) {
        events.publish(id, new IncidentCorroboratedEvent(id, CorroborationSource.MEDICAL_REPORT, "MR-1", confidence,
                LAWYER), LAWYER);
    }

    protected void retract(IncidentId id) {
        events.publish(id, new IncidentRetractedEvent(id, "witness recanted", LAWYER), LAWYER);
    }

    protected void merge(IncidentId duplicate, IncidentId survivor) {
        events.publish(duplicate, new IncidentMergedEvent(duplicate, survivor, "same group", LAWYER), LAWYER);
    }

    protected long rows(String table) {
        Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return count == null ? 0 : count;
    }
}
