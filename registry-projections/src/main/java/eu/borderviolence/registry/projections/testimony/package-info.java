/** Reading a testimony from the event store; no copy of witnesses' data is kept in any view. */
package eu.borderviolence.registry.projections.testimony;
