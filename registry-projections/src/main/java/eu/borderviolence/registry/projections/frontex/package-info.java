/** The Frontex-presence view: processing group {@code frontex-presence}, tables {@code frontex_view_*}. */
package eu.borderviolence.registry.projections.frontex;
