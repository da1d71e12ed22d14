package eu.borderviolence.registry.projections.history;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;

interface MergeLinkRepository extends JpaRepository<MergeLink, MergeLink.Key> {

    @Query("select m.key.duplicateId from MergeLink m where m.key.survivorId in :survivorIds")
    List<String> findDuplicatesOf(Collection<String> survivorIds);
}
