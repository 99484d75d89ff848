-- A running run's console writes a heartbeat; a RUNNING run whose heartbeat stops is orphaned (its console died)
-- and any other console sharing the database marks it INTERRUPTED, so that it can be resumed.
alter table provisioning_run add column heartbeat_at timestamp with time zone;
