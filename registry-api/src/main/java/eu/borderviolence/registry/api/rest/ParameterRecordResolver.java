package eu.borderviolence.registry.api.rest;

import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds a record of query parameters ({@link ParameterObject}, such as a view's filters) from the request, as
 * Spring's data binder does: each component from the query parameter of its name (all its values when repeated),
 * converted by the same conversion service to the component's type with the component's own annotations (such as
 * {@code @DateTimeFormat}), and {@code null} when the parameter is absent.
 *
 * <p>Spring's binder looks each component's name and annotations up anew for every request, and for each component
 * the JDK parses every parameter annotation of the record's constructor again: with the eleven described filters of a
 * view, half of what a view request cost the server's CPU (docs/benchmarks.md). Here they are looked up once per
 * record. Whatever this binding would not do as Spring's binder does is left to Spring's binder: a record with a
 * component of a primitive or {@link Optional} type, a request with HTML form markers ({@code _name}, {@code !name}),
 * indexed or nested names or multipart content, a path variable or header Spring would bind a component from, and
 * every value that does not convert, so that a refusal is Spring's own and told as before (400 naming the parameter,
 * not its value).
 */
public class ParameterRecordResolver implements HandlerMethodArgumentResolver {

    private final SingletonSupplier<ConversionService> conversions;
    private final HandlerMethodArgumentResolver springs;
    private final Map<Class<?>, Optional<RecordBinding>> bindings = new ConcurrentHashMap<>();

    /** @param conversions Spring MVC's conversion service, looked up at the first request */
    public ParameterRecordResolver(ObjectProvider<ConversionService> conversions) {
        this(conversions, new ServletModelAttributeMethodProcessor(true));
    }

    /** @param springs Spring's binding of model attributes, for what this one leaves to it */
    ParameterRecordResolver(ObjectProvider<ConversionService> conversions, HandlerMethodArgumentResolver springs) {
        this.conversions = SingletonSupplier.of(conversions::getObject);
        this.springs = springs;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type.isRecord() && type.isAnnotationPresent(ParameterObject.class)
                && !parameter.hasParameterAnnotations();
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws Exception {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Optional<RecordBinding> binding = bindings.computeIfAbsent(parameter.getParameterType(), RecordBinding::of);
        Object bound = binding.isEmpty() || request == null ? null
                : binding.get().bind(request, conversions.obtain());
        return bound != null ? bound : springs.resolveArgument(parameter, mavContainer, webRequest, binderFactory);
    }

    /** How one record is bound: its canonical constructor and, per component, its name and target type. */
    private record RecordBinding(Constructor<?> constructor, String[] names, TypeDescriptor[] types) {

        /** Empty for a record with a component this binding does not bind as Spring's binder would. */
        static Optional<RecordBinding> of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] raw = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                raw[i] = components[i].getType();
                if (raw[i].isPrimitive() || raw[i] == Optional.class) {
                    return Optional.empty();
                }
            }
            Constructor<?> constructor;
            try {
                constructor = type.getDeclaredConstructor(raw);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record has its canonical constructor", e);
            }
            ReflectionUtils.makeAccessible(constructor); // as Spring's binder does, for a record not public
            String[] names = new String[components.length];
            TypeDescriptor[] types = new TypeDescriptor[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = new TypeDescriptor(MethodParameter.forFieldAwareConstructor(constructor, i, names[i]));
            }
            return Optional.of(new RecordBinding(constructor, names, types));
        }

        /** The record bound from the request's query parameters, or null where Spring's binder must do it. */
        Object bind(HttpServletRequest request, ConversionService conversions) throws ReflectiveOperationException {
            String content = request.getContentType();
            if (content != null && content.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                return null; // parts may bind components too
            }
            Map<String, String[]> parameters = request.getParameterMap();
            for (String name : parameters.keySet()) {
                if (name.startsWith("_") || name.startsWith("!") || name.indexOf('[') >= 0 || name.indexOf('.') >= 0) {
                    return null;
                }
            }
            if (boundElsewhere(request)) {
                return null;
            }
            Object[] arguments = new Object[names.length];
            for (int i = 0; i < names.length; i++) {
                String[] values = parameters.get(names[i]);
                if (values == null) {
                    continue;
                }
                Object value = values.length == 1 ? values[0] : values;
                TypeDescriptor source = TypeDescriptor.forObject(value);
                if (!conversions.canConvert(source, types[i])) {
                    return null;
                }
                try {
                    arguments[i] = conversions.convert(value, source, types[i]);
                } catch (ConversionException | IllegalArgumentException notConverted) {
                    return null; // Spring's binder refuses it, in its words
                }
            }
            try {
                return constructor.newInstance(arguments);
            } catch (InvocationTargetException e) {
                return null; // the record refused the values: as Spring's binder reports it
            }
        }

        /**
         * Whether a path variable or a header could give a component its value: Spring's binder takes an absent
         * parameter's value from either. Any header whose name, without its dashes, is a component's regardless of
         * case counts: more than Spring's binder takes, so a doubtful request goes to it.
         */
        private boolean boundElsewhere(HttpServletRequest request) {
            Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            Map<?, ?> pathVariables = variables instanceof Map<?, ?> map ? map : Map.of();
            for (String name : names) {
                if (pathVariables.containsKey(name)) {
                    return true;
                }
            }
            Enumeration<String> headers = request.getHeaderNames();
            while (headers != null && headers.hasMoreElements()) {
                String header = headers.nextElement().replace("-", "");
                for (String name : names) {
                    if (header.equalsIgnoreCase(name)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
