package eu.borderviolence.registry.api.config;

import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.EventProcessorProperties.Mode;
import org.axonframework.springboot.EventProcessorProperties.ProcessorSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processors' settings as the service binds them, from {@code application.yml} and, with the postgres profile,
 * {@code application-postgres.yml} before it: the profile sets only the views' batch size, and every other setting
 * of a processor still comes from the base file (Spring merges a map's entries property by property).
 */
class ProcessorSettingsTest {

    private static final List<String> VIEWS = List.of("incident-summary", "case-history", "incident-facts");

    @Test
    void onH2TheViewsApplyUpTo100EventsPerBatch() throws IOException {
        Map<String, ProcessorSettings> processors = processors("application.yml");

        VIEWS.forEach(view -> assertThat(processors.get(view).getBatchSize()).as(view).isEqualTo(100));
        assertThat(processors.get("integrity-chain").getBatchSize()).isEqualTo(100);
    }

    @Test
    void onPostgresTheViewsApplyUpTo1000EventsPerBatchAndKeepTheirOtherSettings() throws IOException {
        Map<String, ProcessorSettings> processors = processors("application-postgres.yml", "application.yml");

        for (String view : VIEWS) {
            assertThat(processors.get(view).getBatchSize()).as(view).isEqualTo(1000);
            assertThat(processors.get(view).getMode()).as(view).isEqualTo(Mode.POOLED);
            assertThat(processors.get(view).getInitialSegmentCount()).as(view).isEqualTo(1);
        }
        assertThat(processors.get("integrity-chain").getBatchSize()).isEqualTo(100);
    }

    /** The processors' settings bound from the files, the first taking precedence, as a profile's file does. */
    private static Map<String, ProcessorSettings> processors(String... files) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        for (String file : files) {
            yaml.load(file, new ClassPathResource(file)).forEach(environment.getPropertySources()::addLast);
        }
        return Binder.get(environment).bind("axon.eventhandling", EventProcessorProperties.class).get()
                .getProcessors();
    }
}
