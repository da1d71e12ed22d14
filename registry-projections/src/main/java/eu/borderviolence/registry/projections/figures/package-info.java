/**
 * What the six advocacy views share: the facts of every incident ({@link FactTables}, tables {@code fact_*}), the
 * processor that keeps them current ({@link IncidentFactsProjection}, processing group {@code incident-facts}), and
 * the tallies that count each incident once ({@link Tally}, {@link Breakdown}). Each view lives in its own package
 * and computes its figures from the shared facts when asked, counting only the incidents it is about; rebuilding
 * {@code incident-facts} rebuilds all six.
 */
package eu.borderviolence.registry.projections.figures;
