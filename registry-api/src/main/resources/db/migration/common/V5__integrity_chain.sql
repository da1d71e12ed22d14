-- The tamper-evident chain over the event stream (package api.integrity). One link per stored event, numbered in
-- the order the chain processor saw the events: the SHA-256 of the event as stored (identifiers, type, timestamp,
-- payload and metadata bytes) and the chain hash, SHA-256 over the previous link's chain hash and this event's hash.
-- Appended by the processor integrity-chain, one segment, in the same transaction as its token; never rebuilt,
-- never updated. Link order may differ from global order where concurrent writers committed out of index order.

create table event_chain (
    link_number      bigint       not null,
    global_index     bigint       not null,
    event_identifier varchar(255) not null,
    event_hash       varchar(64)  not null,
    chain_hash       varchar(64)  not null,
    constraint pk_event_chain primary key (link_number),
    constraint uk_event_chain_event unique (global_index)
);
