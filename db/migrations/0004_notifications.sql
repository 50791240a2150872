-- Notifications: the in-app inbox and the mail outbox.
-- Title and body are rendered at creation in the recipient's language and stored, so the inbox
-- shows exactly what was sent even if the texts change later.

CREATE TABLE notification (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES user (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  params TEXT NOT NULL DEFAULT '{}',
  link TEXT,
  -- Set by idempotent jobs: at most one notification per key, ever (NULLs never collide).
  dedupe_key TEXT UNIQUE,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT
);
-- The inbox, the unread count in the header: WHERE user_id = ? [AND read_at IS NULL] ORDER BY created_at.
CREATE INDEX notification_user_unread ON notification (user_id, read_at, created_at);

-- Mail waiting to be sent (or sent, or given up on). Delivery claims a row with a conditional
-- UPDATE, so two runners never send the same message at the same time.
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  notification_id TEXT REFERENCES notification (id) ON DELETE CASCADE,
  to_email TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  locale TEXT NOT NULL CHECK (locale IN ('ja', 'en')),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT,
  -- When the next try is due; NULL once sent or given up.
  next_attempt_at TEXT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_notification ON outbox (notification_id);
