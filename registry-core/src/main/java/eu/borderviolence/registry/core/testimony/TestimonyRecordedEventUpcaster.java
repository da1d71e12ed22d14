package eu.borderviolence.registry.core.testimony;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.borderviolence.registry.core.api.SealedPersonalData;
import eu.borderviolence.registry.core.api.TestimonyRecordedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads revision 1 of {@link TestimonyRecordedEvent}, stored before witnesses' data was encrypted, as revision 2:
 * the plain {@code witness} object becomes a {@link SealedPersonalData} marked {@link SealedPersonalData#NONE}
 * that holds it as Base64 JSON. The stored event is not changed (events never are), so such data stays readable
 * and cannot be erased by destroying a key; docs/data-protection.md says what to do about it.
 */
public class TestimonyRecordedEventUpcaster extends SingleEventUpcaster {

    private static final String TYPE = TestimonyRecordedEvent.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return TYPE.equals(event.getType().getName()) && "1".equals(event.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class, payload -> {
            ObjectNode upcast = ((ObjectNode) payload).deepCopy();
            JsonNode witness = upcast.get("witness");
            ObjectNode sealed = JsonNodeFactory.instance.objectNode();
            sealed.putNull("keyId");
            sealed.put("algorithm", SealedPersonalData.NONE);
            sealed.putNull("nonce");
            if (witness == null || witness.isNull()) {
                sealed.putNull("data");
            } else {
                sealed.put("data", Base64.getEncoder().encodeToString(
                        witness.toString().getBytes(StandardCharsets.UTF_8)));
            }
            upcast.set("witness", sealed);
            return upcast;
        });
    }
}
