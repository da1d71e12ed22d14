package eu.borderviolence.registry.core;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.axonframework.common.IdentifierFactory;

/**
 * The identifiers Axon gives messages, every stored event's {@code event_identifier} among them: UUIDs of version 7
 * (RFC 9562), whose first 48 bits are the millisecond they were made, so that identifiers made later sort later,
 * as text and as bytes. Axon finds this factory through {@code META-INF/services}; without it, it makes random
 * UUIDs (version 4).
 *
 * <p>Why: the event store keeps a unique index on the event identifier. With random identifiers each new event
 * lands on a page of that index chosen at random: a page to read back from disk once the index outgrows the cache,
 * and on H2 one more page to write at every flush for nearly every event. Identifiers in the order they are made
 * go to the end of the index, onto the same few pages (docs/benchmarks.md).
 *
 * <p>Within one millisecond the generator counts up from a random start, so identifiers from one process never
 * repeat, and stay in order unless the system clock steps back; those of several nodes interleave, unique by their
 * 74 random bits. An identifier tells the millisecond its event was made, which the event's stored timestamp tells
 * anyway. Events stored before this factory keep their random identifiers; the registry relies on neither the
 * order nor the form of an identifier, only on its being unique.
 */
public class TimeOrderedIdentifierFactory extends IdentifierFactory {

    private final TimeBasedEpochGenerator generator = Generators.timeBasedEpochGenerator();

    @Override
    public String generateIdentifier() {
        return generator.generate().toString();
    }
}
