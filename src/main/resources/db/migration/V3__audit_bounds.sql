-- The audit trail is bounded (issue 12): an event may stand for several unauthenticated refusals of one kind from
-- one source in one minute (occurrences > 1), and retention deletes oldest first by id.
alter table audit_event add column occurrences integer default 1 not null;
