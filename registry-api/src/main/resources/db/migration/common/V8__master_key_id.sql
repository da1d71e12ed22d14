-- Which master key wraps each data key (its fingerprint), so the master key can be rotated: keys are re-wrapped under
-- the new master key, and once the old one is destroyed, every stale copy wrapped by it (old row versions, older
-- backups) is unreadable too.
alter table witness_key add column master_key_id varchar(16);
