-- H2 only: one row that the registry's flush (storage.H2Flush) changes before each CHECKPOINT SYNC, so that the
-- flush always has something to write and always writes a new chunk at the end of the file, where H2's recovery
-- finds it. The count is only a by-product; nothing reads it. PostgreSQL flushes every commit itself and has no such
-- table (the next migration common to both databases is V16).

create table durability_mark (
    id      integer primary key,
    flushes bigint not null
);

insert into durability_mark (id, flushes) values (1, 0);
