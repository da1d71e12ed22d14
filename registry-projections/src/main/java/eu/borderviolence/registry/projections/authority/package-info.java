/** The per-authority view: processing group {@code authority-figures}, tables {@code authority_view_*}. */
package eu.borderviolence.registry.projections.authority;
