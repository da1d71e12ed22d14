package eu.borderviolence.registry.projections.incident;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.UUID;

interface IncidentSummaryRepository extends JpaRepository<IncidentSummary, UUID>,
        JpaSpecificationExecutor<IncidentSummary> {
}
