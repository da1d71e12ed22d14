/** The Frontex-presence view: query handlers over the shared incident facts ({@code figures.FactTables}). */
package eu.borderviolence.registry.projections.frontex;
