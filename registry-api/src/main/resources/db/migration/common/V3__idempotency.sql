-- Idempotency records: what a client's Idempotency-Key stood for, so that a retried request returns the original
-- result instead of doing the work twice. Keys are scoped per organisation and per kind of request.

create table idempotency_record (
    organisation    varchar(100) not null,
    scope           varchar(50)  not null,
    idempotency_key varchar(255) not null,
    request_hash    varchar(64)  not null,
    result_json     varchar(4000),
    created_at      timestamp(6) with time zone not null,
    completed_at    timestamp(6) with time zone,
    constraint pk_idempotency_record primary key (organisation, scope, idempotency_key)
);
