-- The incident facts' child tables (V10) become array columns of fact_incident. The child rows existed only for the
-- filters (an EXISTS per filter) and were most of what the incident-facts view wrote: an incident with two
-- countries, a border leg, two authorities, two nationalities and three violations was twelve rows in six tables,
-- each table with its own key and index to keep, and now it is one row. A filter asks whether the value is in the
-- incident's array (? = any(countries)), which H2 and PostgreSQL answer alike (docs/benchmarks.md, "The incident
-- facts in one row").
--
-- Each array holds distinct values (their order means nothing); empty, never NULL, where the incident has none. A
-- border leg is 'FROM-TO' (two country codes); an authority is 'COUNTRY/AGENCY', and its countries are also kept
-- alone, for the filter by country without an agency.
-- The views are derived data: a rebuild makes them again from the event store; this carries the rows over so that
-- an upgraded registry does not replay.
alter table fact_incident add column countries varchar(2) array;
alter table fact_incident add column border_legs varchar(5) array;
alter table fact_incident add column authority_countries varchar(2) array;
alter table fact_incident add column authorities varchar(33) array;
alter table fact_incident add column nationalities varchar(2) array;
alter table fact_incident add column violations varchar(60) array;

update fact_incident i set
    countries = coalesce((select array_agg(distinct c.country_code order by c.country_code)
            from fact_country c where c.incident_id = i.incident_id), cast(array[] as varchar(2) array)),
    border_legs = coalesce((select array_agg(distinct l.from_country || '-' || l.to_country
            order by l.from_country || '-' || l.to_country)
            from fact_leg l where l.incident_id = i.incident_id), cast(array[] as varchar(5) array)),
    authority_countries = coalesce((select array_agg(distinct a.country_code order by a.country_code)
            from fact_authority a where a.incident_id = i.incident_id), cast(array[] as varchar(2) array)),
    authorities = coalesce((select array_agg(distinct a.country_code || '/' || a.agency
            order by a.country_code || '/' || a.agency)
            from fact_authority a where a.incident_id = i.incident_id), cast(array[] as varchar(33) array)),
    nationalities = coalesce((select array_agg(distinct n.nationality order by n.nationality)
            from fact_nationality n where n.incident_id = i.incident_id), cast(array[] as varchar(2) array)),
    violations = coalesce((select array_agg(distinct v.code order by v.code)
            from fact_violation v where v.incident_id = i.incident_id), cast(array[] as varchar(60) array));

alter table fact_incident alter column countries set not null;
alter table fact_incident alter column border_legs set not null;
alter table fact_incident alter column authority_countries set not null;
alter table fact_incident alter column authorities set not null;
alter table fact_incident alter column nationalities set not null;
alter table fact_incident alter column violations set not null;

drop table fact_country;
drop table fact_leg;
drop table fact_authority;
drop table fact_nationality;
drop table fact_violation;
