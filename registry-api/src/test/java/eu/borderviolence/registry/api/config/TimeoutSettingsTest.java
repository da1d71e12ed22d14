package eu.borderviolence.registry.api.config;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon's timeouts as the service binds them from {@code application.yml}: none around each handler call (Axon would
 * start and cancel a timer, and read the thread's stack, for every event every view applies and every command and
 * query), while every unit of work keeps its own: each processor's batch, each command, and each query, lengthened
 * for large figures.
 */
class TimeoutSettingsTest {

    @Test
    void handlersAreCalledWithoutATimerOfTheirOwn() throws IOException {
        HandlerTimeoutHandlerEnhancerDefinition timeouts =
                new HandlerTimeoutHandlerEnhancerDefinition(timeouts().getHandler().toMessageHandlerTimeoutConfiguration());

        for (Class<? extends Message> type : List.of(EventMessage.class, CommandMessage.class, QueryMessage.class)) {
            MessageHandlingMember<? super Handlers> handler = handlerOf(type);
            assertThat(timeouts.wrapHandler(handler)).as(type.getSimpleName()).isSameAs(handler);
        }
    }

    @Test
    void eachUnitOfWorkStillHasATimeout() throws IOException {
        TimeoutProperties timeouts = timeouts();

        assertThat(timeouts.isEnabled()).isTrue();
        for (TaskTimeoutSettings unitOfWork : List.of(timeouts.getTransaction().getEventProcessors(),
                timeouts.getTransaction().getCommandBus(), timeouts.getTransaction().getQueryBus())) {
            assertThat(unitOfWork.getTimeoutMs()).isPositive();
            assertThat(unitOfWork.getWarningThresholdMs()).isPositive().isLessThan(unitOfWork.getTimeoutMs());
        }
        assertThat(timeouts.getTransaction().getQueryBus().getTimeoutMs()).isEqualTo(1_800_000);
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

        @CommandHandler
        void handle(Long command) {
        }

        @QueryHandler
        String answer(Integer query) {
            return "answer";
        }
    }
}
