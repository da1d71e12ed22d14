package eu.borderviolence.registry.api.config;

import eu.borderviolence.registry.api.rest.CallerArgumentResolver;
import eu.borderviolence.registry.api.rest.ParameterRecordResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryApiProperties.class)
public class WebConfig implements WebMvcConfigurer {

    private final CallerArgumentResolver callerArgumentResolver;
    private final ObjectProvider<ConversionService> conversions;

    public WebConfig(CallerArgumentResolver callerArgumentResolver,
                     @Qualifier("mvcConversionService") ObjectProvider<ConversionService> conversions) {
        this.callerArgumentResolver = callerArgumentResolver;
        this.conversions = conversions;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callerArgumentResolver);
        resolvers.add(new ParameterRecordResolver(conversions));
    }

    /** The registry's notion of today, for refusing dates in the future. Replaced in tests. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
