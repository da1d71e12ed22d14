package eu.borderviolence.registry.api.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.borderviolence.registry.api.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Small-cell suppression for those who may not see personal data: a figure that counts fewer than
 * {@code registry.views.small-cell-threshold} (default 5) incidents or people, but more than none, could point at
 * a person (the one Eritrean minor on a quiet border that quarter), so it is shown as suppressed instead.
 *
 * <p>Works on the JSON of any view, so every figure gets the same rule: in a line with {@code incidents} below the
 * threshold, every number becomes null, the incident ids go, and {@code "suppressed": true} is added; a nationality
 * share with fewer {@code people} is treated alike; a violation count below it becomes null.
 */
@Component
public class SmallCells {

    private final int threshold;

    public SmallCells(@Value("${registry.views.small-cell-threshold:5}") int threshold) {
        this.threshold = threshold;
    }

    /** Roles that see figures suppressed: those without access to personal data. */
    public boolean appliesTo(Role role) {
        return role == Role.ANALYST;
    }

    public JsonNode suppress(JsonNode figures) {
        if (figures instanceof ObjectNode object) {
            suppressObject(object);
        } else if (figures instanceof ArrayNode array) {
            array.forEach(this::suppress);
        }
        return figures;
    }

    private void suppressObject(ObjectNode object) {
        if (small(object.get("incidents")) || !object.has("incidents") && object.has("percent")
                && small(object.get("people"))) {
            List<String> numbers = new ArrayList<>();
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isNumber()) {
                    numbers.add(field.getKey());
                }
            });
            numbers.forEach(object::putNull);
            object.remove("incidentIds");
            object.remove("violations");
            object.put("suppressed", true);
        }
        JsonNode violations = object.get("violations");
        if (violations instanceof ObjectNode counts) {
            for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> count = it.next();
                if (small(count.getValue())) {
                    count.setValue(counts.nullNode());
                }
            }
        }
        object.elements().forEachRemaining(child -> {
            if (child.isContainerNode() && child != violations) {
                suppress(child);
            }
        });
    }

    private boolean small(JsonNode count) {
        return count != null && count.isNumber() && count.asLong() > 0 && count.asLong() < threshold;
    }
}
