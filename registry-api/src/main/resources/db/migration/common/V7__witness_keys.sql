-- Witnesses' data keys (package api.crypto): one per testimony, wrapped (AES-256-GCM) by the master key the service
-- gets from its configuration, never stored here. Erasure sets wrapped_key to null: the testimony's sealed data can
-- then never be read again. Rows are never deleted, so an erasure stays visible.

create table witness_key (
    key_id       varchar(36)  not null,
    wrapped_key  varchar(200),
    created_at   timestamp(6) with time zone not null,
    destroyed_at timestamp(6) with time zone,
    constraint pk_witness_key primary key (key_id)
);
