package eu.borderviolence.registry.api.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id (the client's {@value #CORRELATION_HEADER} if it is well-formed, otherwise a
 * new one), echoes it in the response, and puts it in the logging context. The client's own
 * {@value #REQUEST_ID_HEADER} is kept too. Both end up in the metadata of every event the request causes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String CORRELATION_ATTRIBUTE = RequestIds.class.getName() + ".correlationId";
    private static final String REQUEST_ID_ATTRIBUTE = RequestIds.class.getName() + ".requestId";
    private static final Pattern SAFE = Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = safe(request.getHeader(CORRELATION_HEADER));
        if (correlationId == null) {
            correlationId = UUID.randomUUID().toString();
        }
        request.setAttribute(CORRELATION_ATTRIBUTE, correlationId);
        request.setAttribute(REQUEST_ID_ATTRIBUTE, safe(request.getHeader(REQUEST_ID_HEADER)));
        response.setHeader(CORRELATION_HEADER, correlationId);
        MDC.put("correlationId", correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("correlationId");
        }
    }

    /** The request's correlation id; a new one if the request did not pass through this filter. */
    public static String correlationId(HttpServletRequest request) {
        Object id = request == null ? null : request.getAttribute(CORRELATION_ATTRIBUTE);
        return id == null ? UUID.randomUUID().toString() : id.toString();
    }

    /** The client's own request id, if it sent a well-formed one. */
    public static String clientRequestId(HttpServletRequest request) {
        Object id = request == null ? null : request.getAttribute(REQUEST_ID_ATTRIBUTE);
        return id == null ? null : id.toString();
    }

    /** Client-supplied ids are echoed and logged, so only a short, plain token is accepted. */
    private static String safe(String value) {
        return value != null && SAFE.matcher(value).matches() ? value : null;
    }
}
