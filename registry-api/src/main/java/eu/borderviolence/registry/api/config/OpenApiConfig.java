package eu.borderviolence.registry.api.config;

import eu.borderviolence.registry.api.rest.Caller;
import eu.borderviolence.registry.api.rest.CallerArgumentResolver;
import eu.borderviolence.registry.api.rest.RequestIds;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;

@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    static {
        // The caller is read from headers by CallerArgumentResolver, documented below, not bound from the query.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    public OpenAPI registryOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Pushback incident registry")
                .version("v1")
                .description("Event-sourced registry of border-violence incidents: pushbacks, police violence and "
                        + "readmission deportations. Errors are RFC 9457 problem details. Every write names its "
                        + "author in the " + CallerArgumentResolver.PRINCIPAL_HEADER + " and "
                        + CallerArgumentResolver.ORGANISATION_HEADER + " headers until authentication exists.")
                .license(new License().name("Confidential: contains testimonies of people at risk")));
    }

    /** Documents the caller headers on every write, which the argument resolver reads outside Spring's binding. */
    @Bean
    public OperationCustomizer callerHeaders() {
        return (operation, handlerMethod) -> {
            boolean takesCaller = java.util.Arrays.stream(handlerMethod.getMethodParameters())
                    .anyMatch(p -> p.getParameterType().equals(Caller.class));
            if (takesCaller) {
                operation.addParametersItem(new HeaderParameter().name(CallerArgumentResolver.PRINCIPAL_HEADER)
                        .required(true).schema(new StringSchema().maxLength(100))
                        .description("Account name of the person making the change (until authentication exists)."));
                operation.addParametersItem(new HeaderParameter().name(CallerArgumentResolver.ORGANISATION_HEADER)
                        .required(true).schema(new StringSchema().maxLength(100))
                        .description("Organisation the person acts for."));
                operation.addParametersItem(new HeaderParameter().name(RequestIds.REQUEST_ID_HEADER)
                        .required(false).schema(new StringSchema().maxLength(100))
                        .description("The client's own request id; stored in the events' metadata."));
            }
            if (handlerMethod.hasMethodAnnotation(GetMapping.class) || takesCaller) {
                operation.addParametersItem(new HeaderParameter().name(RequestIds.CORRELATION_HEADER)
                        .required(false).schema(new StringSchema().maxLength(100))
                        .description("Correlation id; generated when absent and echoed in the response."));
            }
            return operation;
        };
    }
}
