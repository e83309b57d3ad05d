-- The audit trail is evidence: the application only ever appends to it.
-- These triggers make an UPDATE or DELETE fail even from the sqlite3 CLI; an
-- attacker with file access can drop them, which the hash chain then reveals.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
