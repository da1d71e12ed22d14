package eu.borderviolence.registry.api.config;

import eu.borderviolence.registry.api.rest.CallerArgumentResolver;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryApiProperties.class)
public class WebConfig implements WebMvcConfigurer {

    private final CallerArgumentResolver callerArgumentResolver;

    public WebConfig(CallerArgumentResolver callerArgumentResolver) {
        this.callerArgumentResolver = callerArgumentResolver;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callerArgumentResolver);
    }

    /** The registry's notion of today, for refusing dates in the future. Replaced in tests. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
