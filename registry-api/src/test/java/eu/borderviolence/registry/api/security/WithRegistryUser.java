package eu.borderviolence.registry.api.security;

import org.springframework.security.test.context.support.WithSecurityContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs a test as an authenticated registry user, as if its API token had been checked. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Inherited
@WithSecurityContext(factory = WithRegistryUserFactory.class)
public @interface WithRegistryUser {

    String username() default "monitor-17";

    String organisation() default "klikaktiv";

    Role role();
}
