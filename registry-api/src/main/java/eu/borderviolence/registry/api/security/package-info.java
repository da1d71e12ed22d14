/**
 * Who may do what: accounts with one role each, API tokens for REST clients and password login for people in a
 * browser, and the rules of {@link eu.borderviolence.registry.api.security.SecurityConfig}. See
 * docs/data-protection.md for the roles and the threat model.
 */
package eu.borderviolence.registry.api.security;
