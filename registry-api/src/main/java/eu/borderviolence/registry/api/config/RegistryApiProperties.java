package eu.borderviolence.registry.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Settings of the REST API ({@code registry.api.*}).
 *
 * @param maxBodySize        the largest request body accepted; larger ones get 413
 * @param consistencyTimeout the longest a read with {@code consistency=STRONG} waits for the views
 */
@ConfigurationProperties("registry.api")
public record RegistryApiProperties(DataSize maxBodySize, Duration consistencyTimeout) {

    public RegistryApiProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(256) : maxBodySize;
        consistencyTimeout = consistencyTimeout == null ? Duration.ofSeconds(5) : consistencyTimeout;
    }
}
