package eu.borderviolence.registry.projections;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A view row whose key the events assign (an incident's id), so Spring Data cannot tell
 * a new row from a stored one by its key and would merge it, reading the row it is about to insert first. A row the
 * projection knows to be new is marked so, and saving it inserts it at once; any other is merged as before.
 */
@MappedSuperclass
public abstract class InsertedWithoutReading<K> implements Persistable<K> {

    @Transient
    private boolean unsaved;

    /** Marks the row as known not to be stored yet. */
    protected void markNew() {
        unsaved = true;
    }

    @Override
    public boolean isNew() {
        return unsaved;
    }

    @PostLoad
    @PostPersist
    void stored() {
        unsaved = false;
    }
}
