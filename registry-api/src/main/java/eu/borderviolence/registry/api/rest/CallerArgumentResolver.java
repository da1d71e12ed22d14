package eu.borderviolence.registry.api.rest;

import eu.borderviolence.registry.api.security.RegistryAuthentication;
import eu.borderviolence.registry.api.security.RegistryUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves the {@link Caller} from the authenticated user: the registry never stores a change without knowing who
 * made it, and who made it is what the authentication proved, never what the request claims.
 */
@Component
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Caller.class);
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        RegistryUser user = currentUser();
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return new Caller(user.actor(), user.role(), RequestIds.correlationId(request),
                RequestIds.clientRequestId(request));
    }

    /** The authenticated user; the security rules let no unauthenticated request reach a controller. */
    public static RegistryUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof RegistryAuthentication registry) {
            return registry.getPrincipal();
        }
        throw new AccessDeniedException("no registry user");
    }
}
