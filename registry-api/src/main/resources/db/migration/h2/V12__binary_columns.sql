-- H2 only (PostgreSQL's columns are bytea since V1). Event payloads and metadata, snapshots, processor tokens, sagas
-- and dead letters were BLOBs: H2 stores every BLOB value through its large-object store, which keeps bookkeeping
-- for every value read (held for LOB_TIMEOUT) and for every value replaced (each token update replaces one). At a
-- million events that bookkeeping filled a 512 MB heap (docs/benchmarks.md). VARBINARY values live in their rows,
-- as bytea does on PostgreSQL; H2's VARBINARY holds up to 1,000,000,000 bytes, more than any event here. The bytes
-- are unchanged, so the hash chain over them still verifies. (Common migrations after this one start at V13.)

alter table domain_event_entry alter column payload set data type varbinary;
alter table domain_event_entry alter column meta_data set data type varbinary;
alter table snapshot_event_entry alter column payload set data type varbinary;
alter table snapshot_event_entry alter column meta_data set data type varbinary;
alter table token_entry alter column token set data type varbinary;
alter table saga_entry alter column serialized_saga set data type varbinary;
alter table dead_letter_entry alter column payload set data type varbinary;
alter table dead_letter_entry alter column meta_data set data type varbinary;
alter table dead_letter_entry alter column token set data type varbinary;
alter table dead_letter_entry alter column diagnostics set data type varbinary;
