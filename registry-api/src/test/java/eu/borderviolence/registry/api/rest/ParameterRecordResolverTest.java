package eu.borderviolence.registry.api.rest;

import eu.borderviolence.registry.api.views.Explanation;
import eu.borderviolence.registry.api.views.FigureParameters;
import eu.borderviolence.registry.core.api.AgencyType;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.ViolationCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The records of query parameters come out as Spring's binder makes them, whether bound here or left to it; and what
 * this binding does not do as Spring's binder does is left to it.
 */
class ParameterRecordResolverTest {

    private final ConversionService conversions = new DefaultFormattingConversionService();
    private final AtomicInteger leftToSpring = new AtomicInteger();
    private final HandlerMethodArgumentResolver springs = new ServletModelAttributeMethodProcessor(true);
    private final ParameterRecordResolver resolver = new ParameterRecordResolver(
            new StaticListableBeanFactory(Map.of("mvcConversionService", conversions))
                    .getBeanProvider(ConversionService.class),
            new HandlerMethodArgumentResolver() {
                @Override
                public boolean supportsParameter(MethodParameter parameter) {
                    return springs.supportsParameter(parameter);
                }

                @Override
                public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                              org.springframework.web.context.request.NativeWebRequest request,
                                              org.springframework.web.bind.support.WebDataBinderFactory binders)
                        throws Exception {
                    leftToSpring.incrementAndGet();
                    return springs.resolveArgument(parameter, container, request, binders);
                }
            });

    @SuppressWarnings("unused") // its parameters are what is bound
    void figures(FigureParameters filter, Explanation explanation) {
    }

    private static MethodParameter parameter(int index) throws NoSuchMethodException {
        return new MethodParameter(ParameterRecordResolverTest.class.getDeclaredMethod("figures",
                FigureParameters.class, Explanation.class), index);
    }

    private Object bind(HandlerMethodArgumentResolver by, int index, MockHttpServletRequest request) throws Exception {
        ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
        initializer.setConversionService(conversions);
        return by.resolveArgument(parameter(index), new ModelAndViewContainer(), new ServletWebRequest(request),
                new ServletRequestDataBinderFactory(null, initializer));
    }

    private static MockHttpServletRequest request(Consumer<MockHttpServletRequest> parameters) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/views/borders");
        parameters.accept(request);
        return request;
    }

    @Test
    void everyKindOfComponentIsBoundHereAsSpringBindsIt() throws Exception {
        List<MockHttpServletRequest> requests = List.of(
                request(r -> { }),
                request(r -> {
                    r.addParameter("from", "2023-01-01");
                    r.addParameter("to", "2023-12-31");
                    r.addParameter("kind", "PUSHBACK");
                    r.addParameter("confidence", "CONFIRMED", "LIKELY");
                    r.addParameter("borderLeg", "HU-RS");
                    r.addParameter("country", "RS");
                    r.addParameter("authorityCountry", "HU");
                    r.addParameter("agency", "BORDER_POLICE");
                    r.addParameter("nationality", "AF");
                    r.addParameter("violation", "BEATING");
                    r.addParameter("includeRetracted", "true");
                }),
                request(r -> {
                    r.addParameter("confidence", "CONFIRMED,LIKELY"); // one value, comma-separated
                    r.addParameter("from", "");
                    r.addParameter("kind", "");
                    r.addParameter("includeRetracted", "on");
                }),
                request(r -> r.addParameter("borderLeg", "HU-RS", "RS-HU"))); // a string given twice
        for (MockHttpServletRequest request : requests) {
            Object spring = bind(springs, 0, request);
            assertThat(bind(resolver, 0, request)).isEqualTo(spring);
        }
        assertThat(leftToSpring).hasValue(0);
        assertThat(bind(resolver, 0, requests.get(1))).isEqualTo(new FigureParameters(LocalDate.of(2023, 1, 1),
                LocalDate.of(2023, 12, 31), IncidentKind.PUSHBACK,
                List.of(ConfidenceStatus.CONFIRMED, ConfidenceStatus.LIKELY), "HU-RS", CountryCode.of("RS"),
                CountryCode.of("HU"), AgencyType.BORDER_POLICE, CountryCode.of("AF"), ViolationCode.BEATING, true));

        MockHttpServletRequest strong = request(r -> {
            r.addParameter("listIncidents", "true");
            r.addParameter("consistency", "STRONG");
        });
        assertThat(bind(resolver, 1, strong)).isEqualTo(bind(springs, 1, strong))
                .isEqualTo(new Explanation(true, ViewConsistency.Level.STRONG));
        assertThat(leftToSpring).hasValue(0);
    }

    @Test
    void aValueThatDoesNotConvertIsRefusedBySpringsBinderInItsWords() throws Exception {
        MockHttpServletRequest request = request(r -> {
            r.addParameter("kind", "SHIPWRECK");
            r.addParameter("from", "yesterday");
        });
        assertThatThrownBy(() -> bind(resolver, 0, request))
                .isInstanceOfSatisfying(MethodArgumentNotValidException.class, e -> assertThat(
                        e.getBindingResult().getFieldErrors()).extracting("field").containsExactlyInAnyOrder(
                        "kind", "from"));
        assertThat(leftToSpring).hasValue(1);
    }

    @Test
    void whatSpringsBinderWouldTakeFromElsewhereIsLeftToIt() throws Exception {
        List<MockHttpServletRequest> requests = List.of(
                request(r -> r.addHeader("BorderLeg", "HU-RS")),
                request(r -> r.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("kind",
                        "PUSHBACK"))),
                request(r -> r.addParameter("_includeRetracted", "on")),
                request(r -> r.addParameter("confidence[0]", "CONFIRMED")),
                request(r -> {
                    r.setContentType("multipart/form-data; boundary=x");
                    r.addParameter("kind", "PUSHBACK");
                }));
        for (MockHttpServletRequest request : requests) {
            assertThat(bind(resolver, 0, request)).isEqualTo(bind(springs, 0, request));
        }
        assertThat(leftToSpring).hasValue(requests.size());
        assertThat(((FigureParameters) bind(resolver, 0, requests.get(0))).borderLeg())
                .as("Spring's binder takes a header of a component's name").isEqualTo("HU-RS");
    }
}
