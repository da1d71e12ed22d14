package eu.borderviolence.registry.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.util.Set;

import static eu.borderviolence.registry.api.security.Role.ADMIN;
import static eu.borderviolence.registry.api.security.Role.ANALYST;
import static eu.borderviolence.registry.api.security.Role.AUDITOR;
import static eu.borderviolence.registry.api.security.Role.LAWYER;
import static eu.borderviolence.registry.api.security.Role.REPORTER;

/**
 * Who may call what. Every endpoint needs an authenticated caller except the health check; each is open to the
 * roles listed here and no other, and the controllers check further what depends on the record (a testimony's
 * organisation, a lawyer's granted cases). REST clients authenticate with API tokens and keep no session; people in
 * a browser log in with a password and get a session protected against CSRF.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfig {

    private static final String[] REPORTERS_AND_LAWYERS = {REPORTER.name(), LAWYER.name()};

    /** A request from a browser page: it asks for HTML by name, not just anything. */
    private static MediaTypeRequestMatcher browser() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    /**
     * Spring Security observes nothing: its observations time each filter of the chain and each authorization
     * decision of every request, a fifth of the request threads' CPU samples in reads of views, lists and case
     * histories (docs/benchmarks.md). The request as a whole is still timed
     * ({@code http.server.requests}, by URI and status, so refusals show as 401 and 403), and failed
     * authentications are still throttled ({@link AuthenticationFailures}).
     */
    @Bean
    public SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public SecurityFilterChain registrySecurity(HttpSecurity http, Accounts accounts, PasswordEncoder passwords,
                                                AuthenticationFailures failures, SecurityProblems problems)
            throws Exception {
        http.authenticationManager(new ProviderManager(new PasswordLoginProvider(accounts, passwords)))
                .addFilterBefore(new ApiTokenFilter(accounts, failures, problems),
                        UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(ADMIN.name(), AUDITOR.name())
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/testimonies").hasRole(REPORTER.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/testimonies/**")
                        .hasAnyRole(REPORTERS_AND_LAWYERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/testimonies/*/erasure")
                        .hasAnyRole(REPORTERS_AND_LAWYERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/incidents", "/api/v1/incidents/*/corroborations",
                                "/api/v1/incidents/*/corrections").hasAnyRole(REPORTERS_AND_LAWYERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/incidents/*/merge",
                                "/api/v1/incidents/*/retraction").hasRole(LAWYER.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/incidents", "/api/v1/incidents/**")
                        .hasAnyRole(REPORTER.name(), LAWYER.name(), AUDITOR.name())
                        .requestMatchers("/api/v1/views/status", "/api/v1/views/status/**", "/api/v1/views/rebuilds")
                        .hasRole(AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/views/**")
                        .hasAnyRole(ANALYST.name(), LAWYER.name(), AUDITOR.name())
                        .requestMatchers("/api/v1/events", "/api/v1/audit/**").hasRole(AUDITOR.name())
                        .requestMatchers("/api/v1/admin/**").hasRole(ADMIN.name())
                        .anyRequest().denyAll())
                .formLogin(login -> login.defaultSuccessUrl("/swagger-ui/index.html", false)
                        .failureHandler((request, response, exception) -> {
                    failures.failed(request.getRemoteAddr());
                    response.sendRedirect("/login?error");
                }))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                browser())
                        .defaultAuthenticationEntryPointFor((request, response, exception) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated",
                                    "Send an API token as 'Authorization: Bearer rgt_...', or log in.");
                        }, request -> true)
                        .accessDeniedHandler((request, response, exception) -> problems.write(response,
                                HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                "Your role may not do this.")))
                // Browser sessions are protected against CSRF. A request with a token, or without a session, has no
                // ambient credential a forged page could borrow; it is left to authentication (401), not CSRF (403).
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null
                                || request.getRequestedSessionId() == null && !request.getRequestURI().equals("/login")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.NO_REFERRER)))
                .httpBasic(basic -> basic.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
