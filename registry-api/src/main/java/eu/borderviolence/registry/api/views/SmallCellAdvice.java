package eu.borderviolence.registry.api.views;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.api.rest.CallerArgumentResolver;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/** Applies {@link SmallCells} to every JSON answer of the views for roles without access to personal data. */
@RestControllerAdvice(assignableTypes = ViewController.class)
public class SmallCellAdvice implements ResponseBodyAdvice<Object> {

    private final SmallCells smallCells;
    private final ObjectMapper json;

    public SmallCellAdvice(SmallCells smallCells, ObjectMapper json) {
        this.smallCells = smallCells;
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body == null || body instanceof String || !MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                || !smallCells.appliesTo(CallerArgumentResolver.currentUser().role())) {
            return body;
        }
        if (body instanceof JsonAnswer<?> answer) {
            // The converter is chosen before this advice runs, by the answer's type: it stays an answer.
            return JsonAnswer.of(json, smallCells.suppress(answer.tree(json)));
        }
        return smallCells.suppress(json.valueToTree(body));
    }
}
