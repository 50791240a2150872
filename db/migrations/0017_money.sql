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

-- Household eligibility for the city's fee subsidy (ひとり親, 住民税非課税, …): per requester
-- household and category, with the evidence staff saw and a validity period. A record entered
-- wrongly is revoked (kept, with who and when), never deleted.
CREATE TABLE household_eligibility (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES member (id),
  category TEXT NOT NULL,
  evidence TEXT NOT NULL,
  checked_on TEXT NOT NULL,
  checked_by_user_id TEXT NOT NULL REFERENCES user (id),
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  revoked_by_user_id TEXT REFERENCES user (id),
  CHECK (valid_to >= valid_from)
);
CREATE INDEX household_eligibility_member ON household_eligibility (member_id);
CREATE INDEX household_eligibility_valid_to ON household_eligibility (valid_to) WHERE revoked_at IS NULL;

-- 幼児教育・保育の無償化: a child's 施設等利用給付認定 (認定区分 新1号/新2号/新3号, its number and
-- validity; the tax-exempt flag that makes a 0–2-year-old eligible).
CREATE TABLE free_childcare_certification (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES member (id),
  child_id TEXT NOT NULL REFERENCES child (id),
  certification_type TEXT NOT NULL CHECK (certification_type IN ('type1', 'type2', 'type3')),
  certificate_no TEXT NOT NULL,
  tax_exempt INTEGER NOT NULL CHECK (tax_exempt IN (0, 1)),
  checked_on TEXT NOT NULL,
  checked_by_user_id TEXT NOT NULL REFERENCES user (id),
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  revoked_by_user_id TEXT REFERENCES user (id),
  CHECK (valid_to >= valid_from)
);
CREATE INDEX free_childcare_certification_member ON free_childcare_certification (member_id);
CREATE INDEX free_childcare_certification_valid_to ON free_childcare_certification (valid_to) WHERE revoked_at IS NULL;
