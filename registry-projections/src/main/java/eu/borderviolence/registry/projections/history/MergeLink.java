package eu.borderviolence.registry.projections.history;

import eu.borderviolence.registry.core.api.IncidentId;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The duplicate was merged into the survivor: the survivor's history includes the duplicate's. */
@Entity
@Table(name = "case_history_merge")
class MergeLink {

    @EmbeddedId
    private Key key;

    protected MergeLink() {
        // for JPA
    }

    MergeLink(IncidentId survivor, IncidentId duplicate) {
        this.key = new Key(survivor.value(), duplicate.value());
    }

    @Embeddable
    static class Key implements Serializable {

        @Column(name = "survivor_id", nullable = false)
        private UUID survivorId;

        @Column(name = "duplicate_id", nullable = false)
        private UUID duplicateId;

        protected Key() {
            // for JPA
        }

        Key(UUID survivorId, UUID duplicateId) {
            this.survivorId = survivorId;
            this.duplicateId = duplicateId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && survivorId.equals(that.survivorId)
                    && duplicateId.equals(that.duplicateId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(survivorId, duplicateId);
        }
    }
}
