/**
 * What the advocacy views share: the tables each view keeps of the incidents it counts ({@link FactTables}), the
 * event handlers that keep them current ({@link FactProjection}), and the tallies that count each incident once
 * ({@link Tally}, {@link Breakdown}). Each view lives in its own package with its own processing group and its own
 * tables, so it can be rebuilt without touching the others.
 */
package eu.borderviolence.registry.projections.figures;
