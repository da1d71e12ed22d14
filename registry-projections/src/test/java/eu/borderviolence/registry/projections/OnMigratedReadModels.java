package eu.borderviolence.registry.projections;

import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JPA slice test on the read models' schema as the application really gets it: registry-api's Flyway migrations
 * of the views ({@link ViewMigrations}), with Hibernate validating the mappings against it instead of creating tables
 * of its own (and tables that no entity maps, such as the case history's entries, exist only this way).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@DataJpaTest(showSql = false, properties = {
        "spring.jpa.hibernate.ddl-auto=validate",
        "spring.sql.init.mode=always",
        "spring.sql.init.schema-locations=" + ViewMigrations.SCRIPTS})
public @interface OnMigratedReadModels {
}
