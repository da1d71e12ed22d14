package eu.borderviolence.registry.api.views;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A view's answer as the JSON it is sent as, written once when the answer is computed and then sent as it is to
 * everyone who asks the same question ({@link ViewAnswers}); {@link JsonAnswerConverter} writes it. Writing an answer
 * as JSON again for every request took more than the rest of the request for the larger views (the Frontex view
 * lists every incident it counts): docs/benchmarks.md.
 *
 * @param <T> the answer's type, which the JSON is; for the API's documentation and for readers of the controller
 */
public final class JsonAnswer<T> {

    private final byte[] json;

    private JsonAnswer(byte[] json) {
        this.json = json;
    }

    /** The answer written with {@code mapper}, the one the API writes its other responses with. */
    public static <T> JsonAnswer<T> of(ObjectMapper mapper, T answer) {
        try {
            return new JsonAnswer<>(mapper.writeValueAsBytes(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a view's answer could not be written as JSON", e);
        }
    }

    /** The answer's JSON as a tree, to be changed (small-cell suppression) or turned into another format (CSV). */
    public JsonNode tree(ObjectMapper mapper) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its size in bytes of UTF-8. */
    public int size() {
        return json.length;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(json);
    }

    /** The size only: an answer may be large, and this may reach a log. */
    @Override
    public String toString() {
        return "JsonAnswer[" + json.length + " bytes]";
    }
}
