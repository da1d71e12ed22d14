-- The incident summary's country and border-leg rows (V2) become array columns of incident_summary, as V19 did for
-- the incident facts and for the same reasons: the rows existed only for the list's filters, and each was a row and
-- two index entries to write for every incident reported or corrected. The list asks whether a value is in the
-- incident's array. Each array holds distinct values (their order means nothing), empty where the incident has none;
-- a border leg is 'FROM-TO'. This carries the rows over, so an upgraded registry does not replay.
alter table incident_summary add column countries varchar(2) array;
alter table incident_summary add column border_legs varchar(5) array;

update incident_summary s set
    countries = coalesce((select array_agg(distinct c.country_code order by c.country_code)
            from incident_summary_country c where c.incident_id = s.incident_id), cast(array[] as varchar(2) array)),
    border_legs = coalesce((select array_agg(distinct l.from_country || '-' || l.to_country
            order by l.from_country || '-' || l.to_country)
            from incident_summary_leg l where l.incident_id = s.incident_id), cast(array[] as varchar(5) array));

alter table incident_summary alter column countries set not null;
alter table incident_summary alter column border_legs set not null;

drop table incident_summary_country;
drop table incident_summary_leg;
