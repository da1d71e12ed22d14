-- The incident summary's country and border-leg rows (V2) lose their foreign keys to incident_summary, for the
-- reasons V17 gives for the incident facts: the projection deletes and writes an incident's rows itself
-- (SummaryChanges), and the keys made every inserted row look its incident up and lock it on PostgreSQL, every
-- deleted summary look in both child tables, and kept H2 from truncating incident_summary in a rebuild.
alter table incident_summary_country drop constraint fk_incident_summary_country;
alter table incident_summary_leg drop constraint fk_incident_summary_leg;
