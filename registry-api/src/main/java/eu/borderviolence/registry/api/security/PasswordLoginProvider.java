package eu.borderviolence.registry.api.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password login for people in a browser: an active account with a password, checked against its BCrypt hash. */
public class PasswordLoginProvider implements AuthenticationProvider {

    /** Compared against when the account does not exist, so a miss takes as long as a wrong password. */
    private static final String NO_ACCOUNT_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z8ZEeYSQ7GqH/5R5EebYGdnq";

    private final Accounts accounts;
    private final PasswordEncoder passwords;

    public PasswordLoginProvider(Accounts accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        var login = accounts.passwordLogin(username);
        boolean matches = passwords.matches(password, login.map(Accounts.PasswordLogin::passwordHash)
                .orElse(NO_ACCOUNT_HASH));
        if (login.isEmpty() || !matches) {
            throw new BadCredentialsException("wrong username or password");
        }
        return new RegistryAuthentication(login.get().user());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
