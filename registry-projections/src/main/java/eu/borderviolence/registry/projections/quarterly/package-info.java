/** The quarterly report: query handlers over the shared incident facts ({@code figures.FactTables}). */
package eu.borderviolence.registry.projections.quarterly;
