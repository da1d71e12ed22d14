package eu.borderviolence.registry.projections.incident;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface IncidentSummaryRepository extends JpaRepository<IncidentSummary, String>,
        JpaSpecificationExecutor<IncidentSummary> {
}
