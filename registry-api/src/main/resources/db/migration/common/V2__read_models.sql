-- Read models (module registry-projections). Disposable: a replay of processors incident-summary and case-history
-- empties and rebuilds them from the event store. Plain SQL that runs on H2 2.x and PostgreSQL alike.
-- No witness personal data is ever stored here.

-- incident-summary: one row per incident as it stands now.
create table incident_summary (
    incident_id               varchar(36)     not null,
    version                   bigint          not null,
    status                    varchar(20)     not null,
    kind                      varchar(30)     not null,
    place_country             varchar(2),
    date_earliest             date,
    date_latest               date,
    merged_into               varchar(36),
    reported_by_principal     varchar(200)    not null,
    reported_by_organisation  varchar(200)    not null,
    reported_at               timestamp(6) with time zone not null,
    last_changed_at           timestamp(6) with time zone not null,
    retraction_reason         varchar(2000),
    facts_json                varchar(100000) not null,
    testimony_ids_json        varchar(100000) not null,
    merged_duplicate_ids_json varchar(100000) not null,
    constraint pk_incident_summary primary key (incident_id)
);

-- The default list: by status, most recently reported first.
create index ix_incident_summary_status_reported on incident_summary (status, reported_at desc, incident_id);
create index ix_incident_summary_kind on incident_summary (kind);
create index ix_incident_summary_dates on incident_summary (date_earliest, date_latest);

-- Every country of an incident, for the country filter: the place's country, both ends of every border leg, and a
-- readmission's sending and receiving state.
create table incident_summary_country (
    incident_id  varchar(36) not null,
    country_code varchar(2)  not null,
    constraint pk_incident_summary_country primary key (incident_id, country_code),
    constraint fk_incident_summary_country foreign key (incident_id)
        references incident_summary (incident_id) on delete cascade
);

create index ix_incident_summary_country on incident_summary_country (country_code, incident_id);

-- The border legs of an incident's route in order, for the border-leg filter.
create table incident_summary_leg (
    incident_id  varchar(36) not null,
    leg_position integer     not null,
    from_country varchar(2)  not null,
    to_country   varchar(2)  not null,
    constraint pk_incident_summary_leg primary key (incident_id, leg_position),
    constraint fk_incident_summary_leg foreign key (incident_id)
        references incident_summary (incident_id) on delete cascade
);

create index ix_incident_summary_leg on incident_summary_leg (from_country, to_country, incident_id);

-- case-history: one row per incident event; the key makes a redelivered or replayed event overwrite its own row.
create table case_history_entry (
    incident_id     varchar(36)   not null,
    sequence_number bigint        not null,
    global_position bigint        not null,
    recorded_at     timestamp(6) with time zone not null,
    event_type      varchar(100)  not null,
    author          varchar(200)  not null,
    organisation    varchar(200)  not null,
    correlation_id  varchar(255),
    summary         varchar(4000) not null,
    constraint pk_case_history_entry primary key (incident_id, sequence_number)
);

-- Which duplicate was merged into which survivor; the survivor's history includes the duplicate's.
create table case_history_merge (
    survivor_id  varchar(36) not null,
    duplicate_id varchar(36) not null,
    constraint pk_case_history_merge primary key (survivor_id, duplicate_id)
);
