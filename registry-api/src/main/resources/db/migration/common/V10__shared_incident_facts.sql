-- The six advocacy views (border, authority, Frontex presence, readmission, quarterly report, search) kept six
-- copies of the same incident facts, each written by its own processor: every incident event was applied six times,
-- and a rebuild read the event store six times. They now share one set of tables, kept by one processor
-- (incident-facts, package figures), and each view picks the incidents it counts when it is asked
-- (docs/benchmarks.md, docs/views.md). The search view already kept every incident, so its rows are carried over and
-- V11 hands its processor's position to incident-facts: no replay is needed after the upgrade.
--
-- fact_incident holds each incident's current facts (JSON) and the columns filters need; the child tables exist only
-- for filters (EXISTS subqueries), and go with their incident row (on delete cascade). Disposable, and free of
-- witness personal data: built from incident events only. Plain SQL that runs on H2 2.x and PostgreSQL alike.

create table fact_incident (
    incident_id   varchar(36)     not null,
    version       bigint          not null,
    status        varchar(20)     not null,
    kind          varchar(30)     not null,
    confidence    varchar(20),
    date_earliest date,
    group_size    integer,
    changed_at    timestamp(6) with time zone not null,
    facts_json    varchar(100000) not null,
    constraint pk_fact_incident primary key (incident_id)
);
create index ix_fact_incident_status_date on fact_incident (status, date_earliest);

create table fact_country (
    incident_id  varchar(36) not null,
    country_code varchar(2)  not null,
    constraint pk_fact_country primary key (incident_id, country_code),
    constraint fk_fact_country foreign key (incident_id) references fact_incident (incident_id) on delete cascade
);
create index ix_fact_country on fact_country (country_code, incident_id);

create table fact_leg (
    incident_id  varchar(36) not null,
    leg_position integer     not null,
    from_country varchar(2)  not null,
    to_country   varchar(2)  not null,
    constraint pk_fact_leg primary key (incident_id, leg_position),
    constraint fk_fact_leg foreign key (incident_id) references fact_incident (incident_id) on delete cascade
);
create index ix_fact_leg on fact_leg (from_country, to_country, incident_id);

create table fact_authority (
    incident_id        varchar(36) not null,
    authority_position integer     not null,
    country_code       varchar(2)  not null,
    agency             varchar(30) not null,
    constraint pk_fact_authority primary key (incident_id, authority_position),
    constraint fk_fact_authority foreign key (incident_id) references fact_incident (incident_id) on delete cascade
);
create index ix_fact_authority on fact_authority (country_code, agency, incident_id);

create table fact_nationality (
    incident_id varchar(36) not null,
    nationality varchar(2)  not null,
    constraint pk_fact_nationality primary key (incident_id, nationality),
    constraint fk_fact_nationality foreign key (incident_id) references fact_incident (incident_id) on delete cascade
);
create index ix_fact_nationality on fact_nationality (nationality, incident_id);

create table fact_violation (
    incident_id varchar(36) not null,
    code        varchar(60) not null,
    constraint pk_fact_violation primary key (incident_id, code),
    constraint fk_fact_violation foreign key (incident_id) references fact_incident (incident_id) on delete cascade
);
create index ix_fact_violation on fact_violation (code, incident_id);

insert into fact_incident (incident_id, version, status, kind, confidence, date_earliest, group_size, changed_at,
                           facts_json)
select incident_id, version, status, kind, confidence, date_earliest, group_size, changed_at, facts_json
from search_view_incident;
insert into fact_country (incident_id, country_code) select incident_id, country_code from search_view_country;
insert into fact_leg (incident_id, leg_position, from_country, to_country)
select incident_id, leg_position, from_country, to_country from search_view_leg;
insert into fact_authority (incident_id, authority_position, country_code, agency)
select incident_id, authority_position, country_code, agency from search_view_authority;
insert into fact_nationality (incident_id, nationality) select incident_id, nationality from search_view_nationality;
insert into fact_violation (incident_id, code) select incident_id, code from search_view_violation;

drop table border_view_country;
drop table border_view_leg;
drop table border_view_authority;
drop table border_view_nationality;
drop table border_view_violation;
drop table border_view_incident;
drop table authority_view_country;
drop table authority_view_leg;
drop table authority_view_authority;
drop table authority_view_nationality;
drop table authority_view_violation;
drop table authority_view_incident;
drop table frontex_view_country;
drop table frontex_view_leg;
drop table frontex_view_authority;
drop table frontex_view_nationality;
drop table frontex_view_violation;
drop table frontex_view_incident;
drop table readmission_view_country;
drop table readmission_view_leg;
drop table readmission_view_authority;
drop table readmission_view_nationality;
drop table readmission_view_violation;
drop table readmission_view_incident;
drop table quarterly_view_country;
drop table quarterly_view_leg;
drop table quarterly_view_authority;
drop table quarterly_view_nationality;
drop table quarterly_view_violation;
drop table quarterly_view_incident;
drop table search_view_country;
drop table search_view_leg;
drop table search_view_authority;
drop table search_view_nationality;
drop table search_view_violation;
drop table search_view_incident;
