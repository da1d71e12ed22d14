package eu.borderviolence.registry.api.rest;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Pins "today" to 22 November 2026 so that date checks in tests do not depend on when they run. */
@TestConfiguration(proxyBeanMethods = false)
class FixedClock {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
