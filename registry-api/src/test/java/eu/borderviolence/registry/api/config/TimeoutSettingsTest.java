package eu.borderviolence.registry.api.config;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon's timeouts as the service binds them from {@code application.yml}: none around each event handler call (Axon
 * would start and cancel a timer, and read the thread's stack, for every event every view applies), while each
 * processor's batch keeps its unit of work's timeout, and queries keep theirs, lengthened for large figures.
 */
class TimeoutSettingsTest {

    @Test
    void eventHandlersAreCalledWithoutATimerOfTheirOwnAndQueryHandlersKeepTheirs() throws IOException {
        HandlerTimeoutHandlerEnhancerDefinition timeouts =
                new HandlerTimeoutHandlerEnhancerDefinition(timeouts().getHandler().toMessageHandlerTimeoutConfiguration());

        MessageHandlingMember<? super Handlers> onEvent = handlerOf(EventMessage.class);
        MessageHandlingMember<? super Handlers> onQuery = handlerOf(QueryMessage.class);

        assertThat(timeouts.wrapHandler(onEvent)).isSameAs(onEvent);
        assertThat(timeouts.wrapHandler(onQuery)).isNotSameAs(onQuery);
    }

    @Test
    void eachProcessorBatchStillHasATimeout() throws IOException {
        TimeoutProperties timeouts = timeouts();

        assertThat(timeouts.isEnabled()).isTrue();
        assertThat(timeouts.getTransaction().getEventProcessors().getTimeoutMs()).isPositive();
        assertThat(timeouts.getTransaction().getEventProcessors().getWarningThresholdMs()).isPositive();
        assertThat(timeouts.getHandler().getQueries().getTimeoutMs()).isEqualTo(1_800_000);
    }

    private static MessageHandlingMember<? super Handlers> handlerOf(Class<? extends Message> messageType) {
        return AnnotatedHandlerInspector.inspectType(Handlers.class).getHandlers(Handlers.class)
                .filter(handler -> handler.canHandleMessageType(messageType))
                .findFirst().orElseThrow();
    }

    private static TimeoutProperties timeouts() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return Binder.get(environment).bind("axon.timeout", TimeoutProperties.class).get();
    }

    static class Handlers {

        @EventHandler
        void on(String event) {
        }

        @QueryHandler
        String answer(Integer query) {
            return "answer";
        }
    }
}
