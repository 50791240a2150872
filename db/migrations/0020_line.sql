-- The LINE channel (issue #21): a member's LINE account linked to her login, one-time link codes,
-- the webhook events already handled, her channels per kind of notice, and the LINE outbox.

-- One LINE account per login and one login per LINE account.
CREATE TABLE line_link (
  user_id TEXT PRIMARY KEY REFERENCES user (id) ON DELETE CASCADE,
  line_user_id TEXT NOT NULL UNIQUE,
  linked_at TEXT NOT NULL
);

-- One-time link codes, stored as SHA-256 hashes (the code itself is shown once): single use,
-- valid for 10 minutes.
CREATE TABLE line_link_code (
  code_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES user (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX line_link_code_user ON line_link_code (user_id);

-- Webhook events already handled (LINE redelivers with the same webhookEventId).
CREATE TABLE line_webhook_event (
  webhook_event_id TEXT PRIMARY KEY,
  received_at TEXT NOT NULL
);
CREATE INDEX line_webhook_event_received ON line_webhook_event (received_at);

-- A member's channels for one kind of notice; no row: email on, LINE on once linked. The inbox
-- always gets every notice.
CREATE TABLE notice_channel (
  user_id TEXT NOT NULL REFERENCES user (id) ON DELETE CASCADE,
  notice_group TEXT NOT NULL
    CHECK (notice_group IN ('offers', 'matches', 'pre_meetings', 'reports', 'cancellations', 'other')),
  line INTEGER NOT NULL CHECK (line IN (0, 1)),
  email INTEGER NOT NULL CHECK (email IN (0, 1)),
  PRIMARY KEY (user_id, notice_group)
);

-- Notices waiting to be pushed to LINE (or pushed, or given up on: 'dead', then mailed instead).
CREATE TABLE line_outbox (
  id TEXT PRIMARY KEY,
  notification_id TEXT NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES user (id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT,
  next_attempt_at TEXT
);
CREATE INDEX line_outbox_due ON line_outbox (status, next_attempt_at);
CREATE INDEX line_outbox_notification ON line_outbox (notification_id);

-- Offers already pushed as a Flex message (an offer offered again is pushed again).
CREATE TABLE line_offer_push (
  offer_id TEXT NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
  offered_at TEXT NOT NULL,
  pushed_at TEXT NOT NULL,
  PRIMARY KEY (offer_id, offered_at)
);
