/**
 * The advocacy views' contract: the filter every view takes, one typed query per view, and the figures they answer
 * with. Every figure can name the incidents it counted, so a lawyer or an auditor can check it against the records.
 * Nothing here carries witness personal data: the views are built from incident facts only.
 */
package eu.borderviolence.registry.core.api.figures;
