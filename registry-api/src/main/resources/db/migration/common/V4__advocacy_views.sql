-- The advocacy views (module registry-projections, packages border, authority, frontex, readmission, quarterly,
-- search). Each view has its own processing group and its own tables of the same shape, so each can be rebuilt on
-- its own: a replay of its processor empties them (its @ResetHandler) and fills them again from the event store.
-- Disposable, and free of witness personal data: built from incident events only.
--
-- <view>_incident holds each counted incident's current facts (JSON) and the columns filters need; the child
-- tables exist only for filters (EXISTS subqueries), and go with their incident row (on delete cascade).
-- Plain SQL that runs on H2 2.x and PostgreSQL alike.

-- border-figures: incidents with border legs.
create table border_view_incident (
    incident_id   varchar(36)     not null,
    version       bigint          not null,
    status        varchar(20)     not null,
    kind          varchar(30)     not null,
    confidence    varchar(20),
    date_earliest date,
    group_size    integer,
    changed_at    timestamp(6) with time zone not null,
    facts_json    varchar(100000) not null,
    constraint pk_border_view_incident primary key (incident_id)
);
create index ix_border_view_incident_status_date on border_view_incident (status, date_earliest);

create table border_view_country (
    incident_id  varchar(36) not null,
    country_code varchar(2)  not null,
    constraint pk_border_view_country primary key (incident_id, country_code),
    constraint fk_border_view_country foreign key (incident_id) references border_view_incident (incident_id) on delete cascade
);
create index ix_border_view_country on border_view_country (country_code, incident_id);

create table border_view_leg (
    incident_id  varchar(36) not null,
    leg_position integer     not null,
    from_country varchar(2)  not null,
    to_country   varchar(2)  not null,
    constraint pk_border_view_leg primary key (incident_id, leg_position),
    constraint fk_border_view_leg foreign key (incident_id) references border_view_incident (incident_id) on delete cascade
);
create index ix_border_view_leg on border_view_leg (from_country, to_country, incident_id);

create table border_view_authority (
    incident_id        varchar(36) not null,
    authority_position integer     not null,
    country_code       varchar(2)  not null,
    agency             varchar(30) not null,
    constraint pk_border_view_authority primary key (incident_id, authority_position),
    constraint fk_border_view_authority foreign key (incident_id) references border_view_incident (incident_id) on delete cascade
);
create index ix_border_view_authority on border_view_authority (country_code, agency, incident_id);

create table border_view_nationality (
    incident_id varchar(36) not null,
    nationality varchar(2)  not null,
    constraint pk_border_view_nationality primary key (incident_id, nationality),
    constraint fk_border_view_nationality foreign key (incident_id) references border_view_incident (incident_id) on delete cascade
);
create index ix_border_view_nationality on border_view_nationality (nationality, incident_id);

create table border_view_violation (
    incident_id varchar(36) not null,
    code        varchar(60) not null,
    constraint pk_border_view_violation primary key (incident_id, code),
    constraint fk_border_view_violation foreign key (incident_id) references border_view_incident (incident_id) on delete cascade
);
create index ix_border_view_violation on border_view_violation (code, incident_id);

-- authority-figures: incidents with authorities.
create table authority_view_incident (
    incident_id   varchar(36)     not null,
    version       bigint          not null,
    status        varchar(20)     not null,
    kind          varchar(30)     not null,
    confidence    varchar(20),
    date_earliest date,
    group_size    integer,
    changed_at    timestamp(6) with time zone not null,
    facts_json    varchar(100000) not null,
    constraint pk_authority_view_incident primary key (incident_id)
);
create index ix_authority_view_incident_status_date on authority_view_incident (status, date_earliest);

create table authority_view_country (
    incident_id  varchar(36) not null,
    country_code varchar(2)  not null,
    constraint pk_authority_view_country primary key (incident_id, country_code),
    constraint fk_authority_view_country foreign key (incident_id) references authority_view_incident (incident_id) on delete cascade
);
create index ix_authority_view_country on authority_view_country (country_code, incident_id);

create table authority_view_leg (
    incident_id  varchar(36) not null,
    leg_position integer     not null,
    from_country varchar(2)  not null,
    to_country   varchar(2)  not null,
    constraint pk_authority_view_leg primary key (incident_id, leg_position),
    constraint fk_authority_view_leg foreign key (incident_id) references authority_view_incident (incident_id) on delete cascade
);
create index ix_authority_view_leg on authority_view_leg (from_country, to_country, incident_id);

create table authority_view_authority (
    incident_id        varchar(36) not null,
    authority_position integer     not null,
    country_code       varchar(2)  not null,
    agency             varchar(30) not null,
    constraint pk_authority_view_authority primary key (incident_id, authority_position),
    constraint fk_authority_view_authority foreign key (incident_id) references authority_view_incident (incident_id) on delete cascade
);
create index ix_authority_view_authority on authority_view_authority (country_code, agency, incident_id);

create table authority_view_nationality (
    incident_id varchar(36) not null,
    nationality varchar(2)  not null,
    constraint pk_authority_view_nationality primary key (incident_id, nationality),
    constraint fk_authority_view_nationality foreign key (incident_id) references authority_view_incident (incident_id) on delete cascade
);
create index ix_authority_view_nationality on authority_view_nationality (nationality, incident_id);

create table authority_view_violation (
    incident_id varchar(36) not null,
    code        varchar(60) not null,
    constraint pk_authority_view_violation primary key (incident_id, code),
    constraint fk_authority_view_violation foreign key (incident_id) references authority_view_incident (incident_id) on delete cascade
);
create index ix_authority_view_violation on authority_view_violation (code, incident_id);

-- frontex-presence: incidents with Frontex present or foreign officers.
create table frontex_view_incident (
    incident_id   varchar(36)     not null,
    version       bigint          not null,
    status        varchar(20)     not null,
    kind          varchar(30)     not null,
    confidence    varchar(20),
    date_earliest date,
    group_size    integer,
    changed_at    timestamp(6) with time zone not null,
    facts_json    varchar(100000) not null,
    constraint pk_frontex_view_incident primary key (incident_id)
);
create index ix_frontex_view_incident_status_date on frontex_view_incident (status, date_earliest);

create table frontex_view_country (
    incident_id  varchar(36) not null,
    country_code varchar(2)  not null,
    constraint pk_frontex_view_country primary key (incident_id, country_code),
    constraint fk_frontex_view_country foreign key (incident_id) references frontex_view_incident (incident_id) on delete cascade
);
create index ix_frontex_view_country on frontex_view_country (country_code, incident_id);

create table frontex_view_leg (
    incident_id  varchar(36) not null,
    leg_position integer     not null,
    from_country varchar(2)  not null,
    to_country   varchar(2)  not null,
    constraint pk_frontex_view_leg primary key (incident_id, leg_position),
    constraint fk_frontex_view_leg foreign key (incident_id) references frontex_view_incident (incident_id) on delete cascade
);
create index ix_frontex_view_leg on frontex_view_leg (from_country, to_country, incident_id);

create table frontex_view_authority (
    incident_id        varchar(36) not null,
    authority_position integer     not null,
    country_code       varchar(2)  not null,
    agency             varchar(30) not null,
    constraint pk_frontex_view_authority primary key (incident_id, authority_position),
    constraint fk_frontex_view_authority foreign key (incident_id) references frontex_view_incident (incident_id) on delete cascade
);
create index ix_frontex_view_authority on frontex_view_authority (country_code, agency, incident_id);

create table frontex_view_nationality (
    incident_id varchar(36) not null,
    nationality varchar(2)  not null,
    constraint pk_frontex_view_nationality primary key (incident_id, nationality),
    constraint fk_frontex_view_nationality foreign key (incident_id) references frontex_view_incident (incident_id) on delete cascade
);
create index ix_frontex_view_nationality on frontex_view_nationality (nationality, incident_id);

create table frontex_view_violation (
    incident_id varchar(36) not null,
    code        varchar(60) not null,
    constraint pk_frontex_view_violation primary key (incident_id, code),
    constraint fk_frontex_view_violation foreign key (incident_id) references frontex_view_incident (incident_id) on delete cascade
);
create index ix_frontex_view_violation on frontex_view_violation (code, incident_id);

-- readmission-figures: readmission deportations.
create table readmission_view_incident (
    incident_id   varchar(36)     not null,
    version       bigint          not null,
    status        varchar(20)     not null,
    kind          varchar(30)     not null,
    confidence    varchar(20),
    date_earliest date,
    group_size    integer,
    changed_at    timestamp(6) with time zone not null,
    facts_json    varchar(100000) not null,
    constraint pk_readmission_view_incident primary key (incident_id)
);
create index ix_readmission_view_incident_status_date on readmission_view_incident (status, date_earliest);

create table readmission_view_country (
    incident_id  varchar(36) not null,
    country_code varchar(2)  not null,
    constraint pk_readmission_view_country primary key (incident_id, country_code),
    constraint fk_readmission_view_country foreign key (incident_id) references readmission_view_incident (incident_id) on delete cascade
);
create index ix_readmission_view_country on readmission_view_country (country_code, incident_id);

create table readmission_view_leg (
    incident_id  varchar(36) not null,
    leg_position integer     not null,
    from_country varchar(2)  not null,
    to_country   varchar(2)  not null,
    constraint pk_readmission_view_leg primary key (incident_id, leg_position),
    constraint fk_readmission_view_leg foreign key (incident_id) references readmission_view_incident (incident_id) on delete cascade
);
create index ix_readmission_view_leg on readmission_view_leg (from_country, to_country, incident_id);

create table readmission_view_authority (
    incident_id        varchar(36) not null,
    authority_position integer     not null,
    country_code       varchar(2)  not null,
    agency             varchar(30) not null,
    constraint pk_readmission_view_authority primary key (incident_id, authority_position),
    constraint fk_readmission_view_authority foreign key (incident_id) references readmission_view_incident (incident_id) on delete cascade
);
create index ix_readmission_view_authority on readmission_view_authority (country_code, agency, incident_id);

create table readmission_view_nationality (
    incident_id varchar(36) not null,
    nationality varchar(2)  not null,
    constraint pk_readmission_view_nationality primary key (incident_id, nationality),
    constraint fk_readmission_view_nationality foreign key (incident_id) references readmission_view_incident (incident_id) on delete cascade
);
create index ix_readmission_view_nationality on readmission_view_nationality (nationality, incident_id);

create table readmission_view_violation (
    incident_id varchar(36) not null,
    code        varchar(60) not null,
    constraint pk_readmission_view_violation primary key (incident_id, code),
    constraint fk_readmission_view_violation foreign key (incident_id) references readmission_view_incident (incident_id) on delete cascade
);
create index ix_readmission_view_violation on readmission_view_violation (code, incident_id);

-- quarterly-report: every incident.
create table quarterly_view_incident (
    incident_id   varchar(36)     not null,
    version       bigint          not null,
    status        varchar(20)     not null,
    kind          varchar(30)     not null,
    confidence    varchar(20),
    date_earliest date,
    group_size    integer,
    changed_at    timestamp(6) with time zone not null,
    facts_json    varchar(100000) not null,
    constraint pk_quarterly_view_incident primary key (incident_id)
);
create index ix_quarterly_view_incident_status_date on quarterly_view_incident (status, date_earliest);

create table quarterly_view_country (
    incident_id  varchar(36) not null,
    country_code varchar(2)  not null,
    constraint pk_quarterly_view_country primary key (incident_id, country_code),
    constraint fk_quarterly_view_country foreign key (incident_id) references quarterly_view_incident (incident_id) on delete cascade
);
create index ix_quarterly_view_country on quarterly_view_country (country_code, incident_id);

create table quarterly_view_leg (
    incident_id  varchar(36) not null,
    leg_position integer     not null,
    from_country varchar(2)  not null,
    to_country   varchar(2)  not null,
    constraint pk_quarterly_view_leg primary key (incident_id, leg_position),
    constraint fk_quarterly_view_leg foreign key (incident_id) references quarterly_view_incident (incident_id) on delete cascade
);
create index ix_quarterly_view_leg on quarterly_view_leg (from_country, to_country, incident_id);

create table quarterly_view_authority (
    incident_id        varchar(36) not null,
    authority_position integer     not null,
    country_code       varchar(2)  not null,
    agency             varchar(30) not null,
    constraint pk_quarterly_view_authority primary key (incident_id, authority_position),
    constraint fk_quarterly_view_authority foreign key (incident_id) references quarterly_view_incident (incident_id) on delete cascade
);
create index ix_quarterly_view_authority on quarterly_view_authority (country_code, agency, incident_id);

create table quarterly_view_nationality (
    incident_id varchar(36) not null,
    nationality varchar(2)  not null,
    constraint pk_quarterly_view_nationality primary key (incident_id, nationality),
    constraint fk_quarterly_view_nationality foreign key (incident_id) references quarterly_view_incident (incident_id) on delete cascade
);
create index ix_quarterly_view_nationality on quarterly_view_nationality (nationality, incident_id);

create table quarterly_view_violation (
    incident_id varchar(36) not null,
    code        varchar(60) not null,
    constraint pk_quarterly_view_violation primary key (incident_id, code),
    constraint fk_quarterly_view_violation foreign key (incident_id) references quarterly_view_incident (incident_id) on delete cascade
);
create index ix_quarterly_view_violation on quarterly_view_violation (code, incident_id);

-- incident-search: every incident.
create table search_view_incident (
    incident_id   varchar(36)     not null,
    version       bigint          not null,
    status        varchar(20)     not null,
    kind          varchar(30)     not null,
    confidence    varchar(20),
    date_earliest date,
    group_size    integer,
    changed_at    timestamp(6) with time zone not null,
    facts_json    varchar(100000) not null,
    constraint pk_search_view_incident primary key (incident_id)
);
create index ix_search_view_incident_status_date on search_view_incident (status, date_earliest);

create table search_view_country (
    incident_id  varchar(36) not null,
    country_code varchar(2)  not null,
    constraint pk_search_view_country primary key (incident_id, country_code),
    constraint fk_search_view_country foreign key (incident_id) references search_view_incident (incident_id) on delete cascade
);
create index ix_search_view_country on search_view_country (country_code, incident_id);

create table search_view_leg (
    incident_id  varchar(36) not null,
    leg_position integer     not null,
    from_country varchar(2)  not null,
    to_country   varchar(2)  not null,
    constraint pk_search_view_leg primary key (incident_id, leg_position),
    constraint fk_search_view_leg foreign key (incident_id) references search_view_incident (incident_id) on delete cascade
);
create index ix_search_view_leg on search_view_leg (from_country, to_country, incident_id);

create table search_view_authority (
    incident_id        varchar(36) not null,
    authority_position integer     not null,
    country_code       varchar(2)  not null,
    agency             varchar(30) not null,
    constraint pk_search_view_authority primary key (incident_id, authority_position),
    constraint fk_search_view_authority foreign key (incident_id) references search_view_incident (incident_id) on delete cascade
);
create index ix_search_view_authority on search_view_authority (country_code, agency, incident_id);

create table search_view_nationality (
    incident_id varchar(36) not null,
    nationality varchar(2)  not null,
    constraint pk_search_view_nationality primary key (incident_id, nationality),
    constraint fk_search_view_nationality foreign key (incident_id) references search_view_incident (incident_id) on delete cascade
);
create index ix_search_view_nationality on search_view_nationality (nationality, incident_id);

create table search_view_violation (
    incident_id varchar(36) not null,
    code        varchar(60) not null,
    constraint pk_search_view_violation primary key (incident_id, code),
    constraint fk_search_view_violation foreign key (incident_id) references search_view_incident (incident_id) on delete cascade
);
create index ix_search_view_violation on search_view_violation (code, incident_id);
