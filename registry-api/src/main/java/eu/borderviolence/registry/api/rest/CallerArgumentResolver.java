package eu.borderviolence.registry.api.rest;

import eu.borderviolence.registry.api.error.InvalidRequestException;
import eu.borderviolence.registry.core.api.Actor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Resolves a {@link Caller} from the request headers. Principal and organisation are required on every write: the
 * registry never stores a change without knowing who made it.
 */
@Component
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    public static final String PRINCIPAL_HEADER = "X-Registry-Principal";
    public static final String ORGANISATION_HEADER = "X-Registry-Organisation";

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        List<InvalidRequestException.FieldProblem> problems = new ArrayList<>();
        String principal = name(webRequest.getHeader(PRINCIPAL_HEADER), PRINCIPAL_HEADER, problems);
        String organisation = name(webRequest.getHeader(ORGANISATION_HEADER), ORGANISATION_HEADER, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("The request does not say who is making it.", problems);
        }
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return new Caller(new Actor(principal, organisation), RequestIds.correlationId(request),
                RequestIds.clientRequestId(request));
    }

    private static String name(String value, String header, List<InvalidRequestException.FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new InvalidRequestException.FieldProblem(header, "header is required"));
            return null;
        }
        if (!NAME.matcher(value).matches()) {
            problems.add(new InvalidRequestException.FieldProblem(header,
                    "must be 1 to 100 letters, digits, '.', '_', '@' or '-'"));
            return null;
        }
        return value;
    }
}
