/**
 * A synthetic demo data set and its loader, for demonstrations and for newcomers who want to see real-looking data.
 *
 * <p>{@link eu.borderviolence.registry.api.demo.DemoDataSet} generates the commands, deterministically for a seed;
 * {@link eu.borderviolence.registry.api.demo.DemoDataLoader} sends them at start-up into an empty registry when
 * {@code registry.demo.load=true} ({@code registry.demo.seed}, default 2023; {@code registry.demo.testimonies}, default
 * 600). For example: {@code mvn -pl registry-api spring-boot:run -Dspring-boot.run.arguments=--registry.demo.load=true}.
 * Every witness in it is made up; it never belongs in a registry that holds real testimonies.
 */
package eu.borderviolence.registry.api.demo;
