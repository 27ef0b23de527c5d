-- The audit log is append-only: the hash chain detects edits, and the database refuses them in the first place.
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE, DELETE ON audit_entry
    FOR EACH ROW CALL 'org.gengbao.server.audit.AppendOnlyTrigger';
