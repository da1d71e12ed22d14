-- The incident list's counts by date: every list selects one status, and a count of the incidents of a status whose
-- period overlaps a range, within a country or on a border leg, reads this index alone (status, both dates, id) and
-- joins it with the country or leg index, instead of fetching every candidate incident's row. On PostgreSQL at a
-- million events a count of active incidents in one country over a year took 1,087 ms through the rows and 30 ms
-- through this index (docs/benchmarks.md). It replaces the index on the dates alone, which only such counts used.
-- Plain SQL that runs on H2 2.x and PostgreSQL alike.

drop index ix_incident_summary_dates;
create index ix_incident_summary_status_dates on incident_summary (status, date_earliest, date_latest, incident_id);
