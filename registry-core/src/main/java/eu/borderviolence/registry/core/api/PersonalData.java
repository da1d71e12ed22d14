package eu.borderviolence.registry.core.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field or record component that holds personal data about a witness.
 *
 * <p>Personal data lives in testimony events only. Whatever carries this mark must never be logged, echoed in an
 * error, tagged on a metric or copied into an aggregate view. The data-protection design (crypto-shredding) applies to
 * exactly the values marked here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface PersonalData {
}
