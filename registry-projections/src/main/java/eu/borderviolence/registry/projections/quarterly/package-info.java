/** The quarterly report: processing group {@code quarterly-report}, tables {@code quarterly_view_*}. */
package eu.borderviolence.registry.projections.quarterly;
