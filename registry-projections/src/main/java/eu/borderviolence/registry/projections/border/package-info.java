/** The per-border view: processing group {@code border-figures}, tables {@code border_view_*}. */
package eu.borderviolence.registry.projections.border;
