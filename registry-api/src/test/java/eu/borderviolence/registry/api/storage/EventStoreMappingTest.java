package eu.borderviolence.registry.api.storage;

import eu.borderviolence.registry.RegistryApplication;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event table's global index comes from its own sequence one value at a time (META-INF/orm.xml). Hibernate's
 * default hands out blocks of 50 per node, and on several nodes events would then become visible out of order, which
 * makes streaming processors skip events (AXON-NOTES).
 */
class EventStoreMappingTest {

    @Test
    void theGlobalIndexIsDrawnOneByOneFromItsSequence(@TempDir Path dataDir) {
        RegistryApplication.disableAxonUpdateChecker();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RegistryApplication.class)
                .run("--server.port=0", "--registry.data-dir=" + dataDir)) {
            SessionFactoryImplementor hibernate = app.getBean(EntityManagerFactory.class)
                    .unwrap(SessionFactoryImplementor.class);
            Object generator = hibernate.getMappingMetamodel().getEntityDescriptor(DomainEventEntry.class)
                    .getGenerator();
            assertThat(generator).isInstanceOf(SequenceStyleGenerator.class);
            SequenceStyleGenerator sequence = (SequenceStyleGenerator) generator;
            assertThat(sequence.getDatabaseStructure().getPhysicalName().render())
                    .isEqualToIgnoringCase("domain_event_global_index_seq");
            assertThat(sequence.getDatabaseStructure().getIncrementSize()).isEqualTo(1);
        }
    }
}
