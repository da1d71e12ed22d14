/**
 * Encryption of witnesses' personal data: the master key, and the vault that keeps one data key per testimony,
 * wrapped by it, so that destroying a data key erases the witness's data everywhere. See docs/data-protection.md.
 */
package eu.borderviolence.registry.api.crypto;
