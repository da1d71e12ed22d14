package eu.borderviolence.registry.api.storage;

import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon's JPA event storage engine, reading the events its processors have not seen yet by index even when some
 * positions behind them are still open.
 *
 * <p>A processor's position (a gap-aware token) is the highest position it has seen plus the positions below it that
 * were empty when it passed them ("gaps"): a transaction that drew a position from the sequence and had not committed
 * yet, or one that rolled back (a command refused after storing, a lost race on an incident's sequence), whose
 * position stays empty for good. Axon keeps such a gap for a minute (its gap timeout) in case it fills. While a token
 * has gaps, Axon asks for {@code global_index > :position OR global_index IN (:gaps) ORDER BY global_index}, and H2
 * reads that by walking the event table's key from its first row, filtering, until it has a batch: each read then
 * costs the whole history (at 100,000 events 270 ms instead of 1.8 ms, docs/benchmarks.md), and every processor reads
 * again and again while a gap is open. PostgreSQL mostly combines two index scans there, but walked the key as well
 * on a table where many rows followed the position.
 *
 * <p>This engine adds what every row asked for satisfies anyway, {@code global_index >= :lowestGap}, so that both
 * read the key from the lowest gap on: at most the rows between it and the position (Axon drops gaps more than
 * {@code maxGapOffset} positions behind) and the batch. It stays one statement on purpose. A transaction's events are
 * committed together but hold positions that other transactions' events may lie between; two statements (the gaps,
 * then what follows the position) can see such a transaction's later event in the second and miss its earlier one in
 * the first, and a processor would then get an incident's second event before its first. One statement sees one
 * snapshot, as Axon's does.
 *
 * <p>Processors reading the same stretch of the history behind its head, as the views do in a rebuild, share each
 * batch read ({@link SharedEventBatches}): it is read from the database, upcast and deserialized once for all of them.
 */
public class IndexedGapsEventStorageEngine extends JpaEventStorageEngine {

    private final SharedEventBatches shared;

    /** An engine whose every read is its reader's own. */
    public IndexedGapsEventStorageEngine(Builder builder) {
        this(builder, SharedEventBatches.none());
    }

    public IndexedGapsEventStorageEngine(Builder builder, SharedEventBatches shared) {
        super(builder);
        this.shared = shared;
    }

    /**
     * The events after {@code trackingToken}, a batch at a time as Axon reads them, each batch through
     * {@link SharedEventBatches}. A batch is upcast as a whole, so an upcaster sees no event of the next batch, as
     * with Axon's own reading of the stream: the registry's upcasters each read one event.
     */
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        SharedEventBatches.Reader reader = shared.reader();
        return StreamSupport.stream(new Batches(trackingToken, reader), false).onClose(reader::close);
    }

    private SharedEventBatches.Batch readBatch(TrackingToken position) {
        List<? extends TrackedEventData<?>> stored = fetchTrackedEvents(position, batchSize());
        List<TrackedEventMessage<?>> messages = EventUtils
                .upcastAndDeserializeTrackedEvents(stored.stream(), getEventSerializer(), upcasterChain).toList();
        TrackingToken last = stored.isEmpty() ? position : stored.get(stored.size() - 1).trackingToken();
        return new SharedEventBatches.Batch(messages, last, stored.size(), stored.size() >= batchSize());
    }

    /** The events of one stream: batch after batch from where the last one ended, until a batch is empty. */
    private final class Batches extends Spliterators.AbstractSpliterator<TrackedEventMessage<?>> {

        private final SharedEventBatches.Reader reader;
        private TrackingToken position;
        private Iterator<TrackedEventMessage<?>> batch = List.<TrackedEventMessage<?>>of().iterator();
        private boolean ended;

        Batches(TrackingToken position, SharedEventBatches.Reader reader) {
            super(Long.MAX_VALUE, Spliterator.NONNULL | Spliterator.ORDERED | Spliterator.DISTINCT);
            this.position = position;
            this.reader = reader;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
            while (!batch.hasNext()) {
                if (ended) {
                    return false;
                }
                SharedEventBatches.Batch next = reader.read(position, IndexedGapsEventStorageEngine.this::readBatch);
                // nothing stored after the position ends the stream, as in Axon's reading; a batch whose events an
                // upcaster all dropped does not
                ended = next.stored() == 0;
                position = next.last();
                batch = next.messages().iterator();
            }
            action.accept(batch.next());
            return true;
        }
    }

    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        if (token == null || token.getGaps().isEmpty()) {
            return super.fetchEvents(token);
        }
        return entityManager().createQuery(
                        "SELECT e.globalIndex, e.type, e.aggregateIdentifier, e.sequenceNumber, e.eventIdentifier, "
                                + "e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData "
                                + "FROM " + domainEventEntryEntityName() + " e "
                                + "WHERE e.globalIndex >= :lowestGap "
                                + "AND (e.globalIndex > :token OR e.globalIndex IN :gaps) "
                                + "ORDER BY e.globalIndex ASC", Object[].class)
                // gaps lie below the position; should one not, the bound still excludes no row Axon's statement reads
                .setParameter("lowestGap", Math.min(token.getGaps().first(), token.getIndex()))
                .setParameter("token", token.getIndex())
                .setParameter("gaps", token.getGaps())
                .setMaxResults(batchSize())
                .getResultList();
    }
}
