-- Foundation: accounts, sessions, login throttling, audit trail, center settings.
-- Instants (*_at) are ISO-8601 UTC text ("2026-04-01T00:00:00.000Z"); they sort as text.

CREATE TABLE user (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'member')),
  password_hash TEXT NOT NULL,
  locale TEXT CHECK (locale IN ('ja', 'en')),
  disabled_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- Emails are unique whatever their case.
CREATE UNIQUE INDEX user_email_unique ON user (lower(email));

-- NOTE: id is the SHA-256 hash (hex) of the session token; the token itself is never stored.
CREATE TABLE session (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES user (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  idle_expires_at TEXT NOT NULL,
  absolute_expires_at TEXT NOT NULL
);
CREATE INDEX session_user ON session (user_id);

CREATE TABLE login_attempt (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  client_address TEXT NOT NULL,
  succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1)),
  attempted_at TEXT NOT NULL
);
CREATE INDEX login_attempt_email ON login_attempt (email, attempted_at);
CREATE INDEX login_attempt_address ON login_attempt (client_address, attempted_at);

-- Append-only: triggers refuse updates and deletes.
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  actor_user_id TEXT,
  action TEXT NOT NULL,
  subject_type TEXT,
  subject_id TEXT,
  client_address TEXT,
  details TEXT
);
CREATE INDEX audit_log_subject ON audit_log (subject_type, subject_id, at);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Center settings: one JSON document per key, validated by zod in the settings module.
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT
);
