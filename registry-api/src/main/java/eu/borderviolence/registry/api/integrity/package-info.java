/**
 * Tamper evidence for the event store: a hash chain that binds every stored event to its predecessor, appended as
 * events are stored, and the auditor's verification that recomputes it. See docs/data-protection.md.
 */
package eu.borderviolence.registry.api.integrity;
