package eu.borderviolence.registry.projections.history;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stores the merges; the case history reads them with JDBC. */
interface MergeLinkRepository extends JpaRepository<MergeLink, MergeLink.Key> {
}
