package eu.borderviolence.registry.projections.incident;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.core.api.IncidentId;
import jakarta.persistence.Converter;
import org.hibernate.annotations.Immutable;

import java.util.List;

@Converter
@Immutable
class IncidentIdsJson extends JsonColumn<List<IncidentId>> {

    IncidentIdsJson(ObjectMapper json) {
        super(json, new TypeReference<>() {
        });
    }
}
