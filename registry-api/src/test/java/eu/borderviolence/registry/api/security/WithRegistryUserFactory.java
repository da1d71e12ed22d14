package eu.borderviolence.registry.api.security;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/** Builds the security context of {@link WithRegistryUser}. */
public class WithRegistryUserFactory implements WithSecurityContextFactory<WithRegistryUser> {

    @Override
    public SecurityContext createSecurityContext(WithRegistryUser user) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new RegistryAuthentication(
                new RegistryUser(user.username(), user.organisation(), user.role())));
        return context;
    }
}
