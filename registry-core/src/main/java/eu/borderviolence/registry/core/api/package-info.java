/**
 * The registry's public message contract: commands, events, queries, views and the value types they are made of.
 *
 * <p>Events in this package are stored for ever. They are never changed in place: a new shape gets a new
 * {@link org.axonframework.serialization.Revision} and an upcaster. Value types validate themselves on construction,
 * so a command or event that exists is well-formed. Validation messages never contain the rejected value, because the
 * value may be personal data and messages end up in responses and logs.
 */
package eu.borderviolence.registry.core.api;
