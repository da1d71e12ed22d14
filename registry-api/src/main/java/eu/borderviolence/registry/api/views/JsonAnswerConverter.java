package eu.borderviolence.registry.api.views;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Sends a {@link JsonAnswer} as the JSON it already is, with its length. Spring Boot puts converter beans before its
 * own, so an answer never reaches the Jackson converter; nothing is read with it.
 */
@Component
public class JsonAnswerConverter extends AbstractHttpMessageConverter<JsonAnswer<?>> {

    public JsonAnswerConverter() {
        super(MediaType.APPLICATION_JSON);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return JsonAnswer.class.isAssignableFrom(type);
    }

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return false;
    }

    @Override
    protected JsonAnswer<?> readInternal(Class<? extends JsonAnswer<?>> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("a view's answer is only ever written", input);
    }

    @Override
    protected Long getContentLength(JsonAnswer<?> answer, MediaType contentType) {
        return (long) answer.size();
    }

    @Override
    protected void writeInternal(JsonAnswer<?> answer, HttpOutputMessage output) throws IOException {
        answer.writeTo(output.getBody());
    }
}
