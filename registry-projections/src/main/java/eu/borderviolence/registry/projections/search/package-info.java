/** The incident search: processing group {@code incident-search}, tables {@code search_view_*}. */
package eu.borderviolence.registry.projections.search;
