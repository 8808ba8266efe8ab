-- The embedded store only (issue 17). Its B-trees are copy-on-write: every commit rewrites each leaf page it touched.
-- Subjects arrive in no order, so under load every audit event landed on a different leaf of this index and the
-- store rewrote a whole page per event: half of the audit writer's CPU. Queries by subject now read the trail newest
-- first through the time index and stop at a full page, as PostgreSQL (which keeps the index) answers them from it.
drop index audit_event_subject;
