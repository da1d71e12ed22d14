package eu.borderviolence.registry.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import eu.borderviolence.registry.api.views.SmallCells;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.Duration;

import static org.mockito.Mockito.mock;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The registry's security rules (and the views' small-cell rule) in a {@code @WebMvcTest}, with the account store
 * mocked. Requests carry a CSRF token by default, as a browser session's would, so tests of a controller need not;
 * the CSRF rule itself is tested on the real application.
 */
@TestConfiguration
@Import({SecurityConfig.class, SmallCells.class})
public class SecuredWebMvc {

    @Bean
    Accounts accounts() {
        return mock(Accounts.class);
    }

    @Bean
    AuthenticationFailures authenticationFailures() {
        return new AuthenticationFailures(10, Duration.ofMinutes(5), Clock.systemUTC());
    }

    @Bean
    SecurityProblems securityProblems(ObjectMapper json) {
        return new SecurityProblems(json);
    }

    @Bean
    MockMvcBuilderCustomizer withCsrfToken() {
        return builder -> builder.defaultRequest(get("/").with(csrf()));
    }
}
