package eu.borderviolence.registry.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Settings of the REST API ({@code registry.api.*}).
 *
 * @param maxBodySize        the largest request body accepted; larger ones get 413
 * @param consistencyTimeout the longest a read with {@code consistency=STRONG} waits for the views
 * @param viewAnswerMemory   how much of the heap the views' kept answers may take, weighed as JSON
 * @param viewComputations   how many views' answers are computed at once; more questions at once wait
 * @param viewAnswerWait     the longest a request waits for a view's answer being computed before it is told to ask
 *                           again (503); the computation goes on and its answer is kept
 * @param viewPositionReuse  how long after reading a view's position a node may answer eventual reads with an answer
 *                           kept for that position, without reading it again; 0 reads it for every request
 */
@ConfigurationProperties("registry.api")
public record RegistryApiProperties(DataSize maxBodySize, Duration consistencyTimeout, DataSize viewAnswerMemory,
                                    Integer viewComputations, Duration viewAnswerWait,
                                    Duration viewPositionReuse) {

    public RegistryApiProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(256) : maxBodySize;
        consistencyTimeout = consistencyTimeout == null ? Duration.ofSeconds(5) : consistencyTimeout;
        viewAnswerMemory = viewAnswerMemory == null ? DataSize.ofMegabytes(64) : viewAnswerMemory;
        viewComputations = viewComputations == null ? 4 * Runtime.getRuntime().availableProcessors() : viewComputations;
        viewAnswerWait = viewAnswerWait == null ? Duration.ofSeconds(20) : viewAnswerWait;
        viewPositionReuse = viewPositionReuse == null ? Duration.ofMillis(100) : viewPositionReuse;
        if (viewComputations < 1) {
            throw new IllegalArgumentException("registry.api.view-computations must be at least 1");
        }
        if (viewPositionReuse.isNegative()) {
            throw new IllegalArgumentException("registry.api.view-position-reuse must not be negative");
        }
    }
}
