-- The views' incident identifiers become UUID columns (PostgreSQL's V21 does the same in its own syntax). They were
-- VARCHAR(36): 36 characters in every key, every index entry and every comparison, where a UUID is 16 bytes and
-- compares as two numbers. On H2, which writes whole pages at every store, writing the keys out character by
-- character was most of the strings it wrote; with UUIDs a rebuild of a million events wrote two fifths fewer bytes
-- and was 1.2-1.4 times as fast (docs/benchmarks.md, "H2's rebuild measured again, and incident identifiers as
-- UUIDs"). Every value is a UUID's text already: the registry writes them from IncidentId. The views are derived
-- data; converting carries the rows over, so an upgraded registry does not replay. case_grant, an administrator's
-- record rather than a view, keeps its text column.

alter table fact_incident alter column incident_id set data type uuid;
alter table incident_summary alter column incident_id set data type uuid;
alter table incident_summary alter column merged_into set data type uuid;
alter table case_history_entry alter column incident_id set data type uuid;
alter table case_history_merge alter column survivor_id set data type uuid;
alter table case_history_merge alter column duplicate_id set data type uuid;
