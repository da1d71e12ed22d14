package eu.borderviolence.registry.api.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/** An authenticated {@link RegistryUser}, by API token or by password login. */
public class RegistryAuthentication extends AbstractAuthenticationToken {

    private final RegistryUser user;

    public RegistryAuthentication(RegistryUser user) {
        super(List.of(new SimpleGrantedAuthority(user.role().authority())));
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public RegistryUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.username();
    }
}
