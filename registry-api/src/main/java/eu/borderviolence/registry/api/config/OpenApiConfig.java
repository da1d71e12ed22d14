package eu.borderviolence.registry.api.config;

import eu.borderviolence.registry.api.rest.Caller;
import eu.borderviolence.registry.api.rest.RequestIds;
import eu.borderviolence.registry.api.views.JsonAnswer;
import eu.borderviolence.registry.core.api.CountryCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;

@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    private static final String API_TOKEN = "apiToken";

    static {
        // The caller is read from headers by CallerArgumentResolver, documented below, not bound from the query.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
        // A country code is one query parameter (country=RS), not an object to flatten into country.code.
        SpringDocUtils.getConfig().addSimpleTypesForParameterObject(CountryCode.class);
        // A view's answer is sent as the JSON of its type parameter, already written.
        SpringDocUtils.getConfig().addResponseWrapperToIgnore(JsonAnswer.class);
    }

    @Bean
    public OpenAPI registryOpenApi() {
        return new OpenAPI()
                .components(new Components().addSchemas("ProblemDetail", problemDetailSchema())
                        .addSecuritySchemes(API_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("An API token issued by an administrator, rgt_...")))
                .addSecurityItem(new SecurityRequirement().addList(API_TOKEN))
                .info(new Info()
                        .title("Pushback incident registry")
                        .version("v1")
                        .description("Event-sourced registry of border-violence incidents: pushbacks, police violence "
                                + "and readmission deportations. Errors are RFC 9457 problem details. Every request "
                                + "but the health check needs an API token (Authorization: Bearer rgt_...); what it "
                                + "may do depends on its account's role. The author of every change is the "
                                + "token's account.")
                        .license(new License().name("Confidential: contains testimonies of people at risk")));
    }

    private static Schema<?> problemDetailSchema() {
        return new ObjectSchema().description("RFC 9457 problem details.")
                .addProperty("type", new StringSchema().description("URI naming the kind of problem."))
                .addProperty("title", new StringSchema().description("Short summary of the kind of problem."))
                .addProperty("status", new IntegerSchema().description("The HTTP status."))
                .addProperty("detail", new StringSchema().description("What went wrong, without request content."))
                .addProperty("instance", new StringSchema().description("The request path."))
                .addProperty("currentVersion", new IntegerSchema().format("int64")
                        .description("On a stale If-Match: the incident's current version."))
                .addProperty("errors", new ArraySchema().description("The fields at fault.").items(new ObjectSchema()
                        .description("One field at fault.")
                        .addProperty("field", new StringSchema().description("Path of the field or parameter."))
                        .addProperty("message", new StringSchema().description("What the field must be."))));
    }

    /**
     * Documents that every refusal and failure is an RFC 9457 problem, and drops the 200 springdoc assumes where an
     * operation declares another success code (201 Created, 204 No Content).
     */
    @Bean
    public OperationCustomizer problemResponses() {
        return (operation, handlerMethod) -> {
            ApiResponses responses = operation.getResponses();
            boolean otherSuccess = responses.keySet().stream().anyMatch(code -> code.startsWith("2") && !code.equals("200"));
            if (otherSuccess) {
                responses.remove("200");
            }
            Content problem = new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    new io.swagger.v3.oas.models.media.MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")));
            responses.addApiResponse("4XX", new ApiResponse().content(problem).description(
                    "Refused: the problem's type names the reason (invalid request 400, not found 404, conflict 409, "
                            + "payload too large 413, stale If-Match 412, missing If-Match 428), and errors[] names "
                            + "the fields at fault without quoting their values."));
            responses.addApiResponse("5XX", new ApiResponse().content(problem).description(
                    "Failed: nothing partial was stored; quote the X-Correlation-Id response header when reporting it."));
            return operation;
        };
    }

    /** Documents the request-id headers, which filters read outside Spring's binding. */
    @Bean
    public OperationCustomizer callerHeaders() {
        return (operation, handlerMethod) -> {
            boolean takesCaller = java.util.Arrays.stream(handlerMethod.getMethodParameters())
                    .anyMatch(p -> p.getParameterType().equals(Caller.class));
            if (takesCaller) {
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
