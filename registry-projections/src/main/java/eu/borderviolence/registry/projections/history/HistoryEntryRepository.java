package eu.borderviolence.registry.projections.history;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;

interface HistoryEntryRepository extends JpaRepository<HistoryEntry, HistoryEntry.Key> {

    @Query("""
            select e from HistoryEntry e
            where e.key.incidentId in :incidentIds
            order by e.globalPosition, e.key.sequenceNumber, e.key.incidentId""")
    List<HistoryEntry> findInStoredOrder(Collection<String> incidentIds);
}
