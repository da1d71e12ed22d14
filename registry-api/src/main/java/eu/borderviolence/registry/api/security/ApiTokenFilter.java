package eu.borderviolence.registry.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Authenticates REST clients by {@code Authorization: Bearer rgt_...}. A token that is malformed, unknown, revoked
 * or expired is refused with 401 at once, never passed on as anonymous. Token attempts and password logins from an
 * address with too many recent failures are refused with 429 ({@link AuthenticationFailures}). The token never
 * appears in a log or a response.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final Accounts accounts;
    private final AuthenticationFailures failures;
    private final SecurityProblems problems;

    public ApiTokenFilter(Accounts accounts, AuthenticationFailures failures, SecurityProblems problems) {
        this.accounts = accounts;
        this.failures = failures;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean token = header != null && header.startsWith(BEARER);
        boolean passwordLogin = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
        if (!token && !passwordLogin) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        if (failures.blocked(client)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(failures.retryAfterSeconds(client)));
            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-failures", "Too many failed attempts",
                    "Too many failed authentications from this address; wait before trying again.");
            return;
        }
        if (!token) {
            chain.doFilter(request, response); // the password login, counted by its failure handler
            return;
        }
        Optional<RegistryUser> user = accounts.authenticate(header.substring(BEARER.length()).trim());
        if (user.isEmpty()) {
            failures.failed(client);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated",
                    "The token is not valid: unknown, revoked or expired.");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new RegistryAuthentication(user.get()));
        chain.doFilter(request, response);
    }
}
