/** The per-authority view: query handlers over the shared incident facts ({@code figures.FactTables}). */
package eu.borderviolence.registry.projections.authority;
