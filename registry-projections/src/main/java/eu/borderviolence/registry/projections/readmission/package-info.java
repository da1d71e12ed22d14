/** The readmissions view: processing group {@code readmission-figures}, tables {@code readmission_view_*}. */
package eu.borderviolence.registry.projections.readmission;
