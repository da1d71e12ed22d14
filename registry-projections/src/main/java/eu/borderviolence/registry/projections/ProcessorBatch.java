package eu.borderviolence.registry.projections;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The batch of events a view's processor is applying: Axon's streaming processors apply their events in batches, each
 * in one unit of work and one transaction with the token that records it. The projections use it to do once per
 * batch what would otherwise take a round trip per event (docs/benchmarks.md).
 */
public final class ProcessorBatch {

    private ProcessorBatch() {
    }

    /**
     * What {@code make} gives for the batch being applied, made on first use and kept for the batch's other events;
     * empty when no batch is being applied (a handler called on its own, as in tests, which must then do the work
     * per event). {@code make} may register work for the batch's commit on the unit of work it is given.
     */
    public static <T> Optional<T> once(String key, Function<UnitOfWork<?>, T> make) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return Optional.of(batch.getOrComputeResource(key, ignored -> make.apply(batch)));
    }

    /**
     * Writes {@code item} with the batch's other items of the same {@code key}: {@code write} is given them all, in
     * the order they came, as the batch commits, inside its transaction (so they are stored with the token that
     * records them, or not at all). Outside a batch {@code write} is given the item at once.
     */
    public static <T> void writeAtCommit(String key, T item, Consumer<List<T>> write) {
        Optional<List<T>> pending = once(key, batch -> {
            List<T> items = new ArrayList<>();
            batch.onPrepareCommit(committing -> write.accept(items));
            return items;
        });
        if (pending.isPresent()) {
            pending.get().add(item);
        } else {
            write.accept(List.of(item));
        }
    }
}
