-- The money after the statement (issue #18): payments of approved activities and cancellation fees.

-- What a family paid the helper for one approved activity (fee + costs) or one cancellation fee.
-- One row per subject: a correction rewrites it (the audit log keeps each version). The helper
-- acknowledges receipt (`received`), or says it did not arrive as recorded (`disputed`).
CREATE TABLE payment (
  id TEXT PRIMARY KEY,
  activity_id TEXT UNIQUE REFERENCES activity (id),
  -- A cancellation fee: the cancelled request.
  request_id TEXT UNIQUE REFERENCES care_request (id),
  requester_member_id TEXT NOT NULL REFERENCES member (id),
  helper_member_id TEXT NOT NULL REFERENCES member (id),
  -- Integer yen.
  amount INTEGER NOT NULL CHECK (amount > 0),
  paid_on TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('cash', 'bank_transfer', 'qr')),
  status TEXT NOT NULL CHECK (status IN ('recorded', 'received', 'disputed')),
  recorded_by_user_id TEXT NOT NULL REFERENCES user (id),
  recorded_by_role TEXT NOT NULL CHECK (recorded_by_role IN ('requester', 'helper', 'staff')),
  recorded_at TEXT NOT NULL,
  received_at TEXT,
  dispute_reason TEXT,
  updated_at TEXT NOT NULL,
  CHECK ((activity_id IS NULL) <> (request_id IS NULL)),
  CHECK ((status = 'received') = (received_at IS NOT NULL))
);
CREATE INDEX payment_requester ON payment (requester_member_id, paid_on);
CREATE INDEX payment_helper ON payment (helper_member_id, paid_on);
CREATE INDEX payment_status ON payment (status);

-- Receipts (領収書) of received payments: per activity, or per family and month. Numbered per
-- fiscal year at first issue; the content is kept as issued, so a reprint is the same receipt,
-- marked 再発行 (print_count > 1).
CREATE TABLE receipt (
  id TEXT PRIMARY KEY,
  fiscal_year INTEGER NOT NULL,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('activity', 'month')),
  activity_id TEXT UNIQUE REFERENCES activity (id),
  requester_member_id TEXT NOT NULL REFERENCES member (id),
  -- 'YYYY-MM' of a monthly receipt.
  month TEXT,
  -- JSON: what the receipt says (lines, amounts, payments, the helper's acknowledgement).
  content TEXT NOT NULL,
  total INTEGER NOT NULL CHECK (total >= 0),
  issued_at TEXT NOT NULL,
  issued_by_user_id TEXT NOT NULL REFERENCES user (id),
  print_count INTEGER NOT NULL CHECK (print_count >= 1),
  last_printed_at TEXT NOT NULL,
  UNIQUE (fiscal_year, seq),
  UNIQUE (requester_member_id, month),
  CHECK ((kind = 'activity') = (activity_id IS NOT NULL)),
  CHECK ((kind = 'month') = (month IS NOT NULL))
);
