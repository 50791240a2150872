-- Account recovery: a single-use password reset, either a link mailed to the member ('link',
-- 15 minutes) or a code staff read out on the phone ('code', 24 hours). Only the SHA-256 of the
-- secret is stored, so a leaked database holds no usable reset.
CREATE TABLE password_reset (
  id TEXT PRIMARY KEY,
  secret_hash TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES user (id),
  kind TEXT NOT NULL CHECK (kind IN ('link', 'code')),
  issued_by TEXT REFERENCES user (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX password_reset_user ON password_reset (user_id, created_at);
