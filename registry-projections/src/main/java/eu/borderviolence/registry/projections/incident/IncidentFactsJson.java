package eu.borderviolence.registry.projections.incident;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.core.api.IncidentFacts;
import jakarta.persistence.Converter;
import org.hibernate.annotations.Immutable;

@Converter
@Immutable
class IncidentFactsJson extends JsonColumn<IncidentFacts> {

    IncidentFactsJson(ObjectMapper json) {
        super(json, new TypeReference<>() {
        });
    }
}
