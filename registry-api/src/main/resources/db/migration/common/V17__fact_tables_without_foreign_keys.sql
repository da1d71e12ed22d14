-- The incident facts' child tables (V10) lose their foreign keys to fact_incident. The projection is their only
-- writer and deletes an incident's child rows itself when it writes the incident anew (FactChanges), so the keys
-- checked nothing it does not already keep. What they cost: on PostgreSQL every child row inserted looked its
-- incident up and locked it, and every incident row deleted looked in all five child tables (a trigger each): the
-- reset's delete of fact_incident took 1.8 s of a rebuild of 100k events before any event was replayed. On H2 a
-- table a key refers to cannot be truncated, so a rebuild deleted fact_incident row by row (docs/benchmarks.md,
-- "Views without foreign keys").
-- The views are derived data: a rebuild makes them again from the event store.
alter table fact_country drop constraint fk_fact_country;
alter table fact_leg drop constraint fk_fact_leg;
alter table fact_authority drop constraint fk_fact_authority;
alter table fact_nationality drop constraint fk_fact_nationality;
alter table fact_violation drop constraint fk_fact_violation;
