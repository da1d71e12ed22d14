-- Access control (package api.security): accounts with one role each, API tokens for REST clients, and the cases a
-- lawyer is granted. Token secrets and passwords are stored only as hashes.

create table registry_account (
    username      varchar(100) not null,
    organisation  varchar(100) not null,
    role          varchar(20)  not null,
    password_hash varchar(100),
    created_at    timestamp(6) with time zone not null,
    created_by    varchar(100) not null,
    disabled_at   timestamp(6) with time zone,
    constraint pk_registry_account primary key (username)
);

-- A token is shown once, as rgt_<token_id>_<secret>; only SHA-256 of the secret is kept.
create table api_token (
    token_id    varchar(32)  not null,
    username    varchar(100) not null,
    label       varchar(100) not null,
    secret_hash varchar(64)  not null,
    created_at  timestamp(6) with time zone not null,
    expires_at  timestamp(6) with time zone not null,
    revoked_at  timestamp(6) with time zone,
    constraint pk_api_token primary key (token_id),
    constraint fk_api_token_account foreign key (username) references registry_account (username)
);
create index ix_api_token_username on api_token (username);

-- The incidents whose testimonies, personal data included, a lawyer may read.
create table case_grant (
    username    varchar(100) not null,
    incident_id varchar(36)  not null,
    granted_by  varchar(100) not null,
    granted_at  timestamp(6) with time zone not null,
    constraint pk_case_grant primary key (username, incident_id),
    constraint fk_case_grant_account foreign key (username) references registry_account (username)
);
