package eu.borderviolence.registry.core;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeOrderedIdentifierFactoryTest {

    @Test
    void axonFindsTheFactoryAndGivesEventsItsIdentifiers() {
        assertInstanceOf(TimeOrderedIdentifierFactory.class, IdentifierFactory.getInstance());
        UUID event = UUID.fromString(GenericEventMessage.asEventMessage("payload").getIdentifier());
        assertEquals(7, event.version());
        assertEquals(2, event.variant()); // RFC 9562
    }

    @Test
    void identifiersMadeLaterSortLaterAsStrings() {
        IdentifierFactory identifiers = new TimeOrderedIdentifierFactory();
        String previous = identifiers.generateIdentifier();
        for (int i = 0; i < 20_000; i++) { // many within one millisecond, and across several
            String earlier = previous;
            String next = identifiers.generateIdentifier();
            assertTrue(next.compareTo(earlier) > 0, () -> next + " sorts before the earlier " + earlier);
            previous = next;
        }
    }

    @Test
    void theMillisecondItWasMadeLeadsTheIdentifier() {
        long before = System.currentTimeMillis();
        UUID identifier = UUID.fromString(new TimeOrderedIdentifierFactory().generateIdentifier());
        long after = System.currentTimeMillis();
        long made = identifier.getMostSignificantBits() >>> 16;
        assertTrue(made >= before && made <= after, () -> made + " not within " + before + ".." + after);
    }

    @Test
    void threadsMakingIdentifiersAtOnceNeverRepeatOne() throws Exception {
        IdentifierFactory identifiers = new TimeOrderedIdentifierFactory();
        int threads = 4;
        int each = 10_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<String>>> makers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                makers.add(() -> {
                    List<String> made = new ArrayList<>(each);
                    for (int i = 0; i < each; i++) {
                        made.add(identifiers.generateIdentifier());
                    }
                    return made;
                });
            }
            Set<String> all = new HashSet<>();
            for (Future<List<String>> made : pool.invokeAll(makers)) {
                all.addAll(made.get());
            }
            assertEquals(threads * each, all.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
