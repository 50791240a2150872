-- Monthly claims (issue #18 point 5): per family, month and scheme — the city's fee subsidy or
-- 無償化 —, what the center submitted (a snapshot of the computed claim) and what the city
-- approved and paid. The city ledger sums these rows by month and fiscal year.
CREATE TABLE subsidy_claim (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES member (id),
  -- 'YYYY-MM' of the activities claimed for, and its fiscal year (April–March).
  month TEXT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  scheme TEXT NOT NULL CHECK (scheme IN ('subsidy', 'free_childcare')),
  -- The subsidy category claimed under; null for 無償化.
  category TEXT,
  -- Integer yen, as computed when submitted; `content` holds the claim as computed (JSON).
  claimed_amount INTEGER NOT NULL CHECK (claimed_amount > 0),
  content TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('submitted', 'approved', 'paid')),
  submitted_on TEXT NOT NULL,
  submitted_by_user_id TEXT NOT NULL REFERENCES user (id),
  approved_amount INTEGER CHECK (approved_amount >= 0),
  approved_on TEXT,
  paid_amount INTEGER CHECK (paid_amount >= 0),
  paid_on TEXT,
  updated_at TEXT NOT NULL,
  UNIQUE (member_id, month, scheme),
  CHECK ((scheme = 'subsidy') = (category IS NOT NULL)),
  CHECK ((status = 'submitted') = (approved_on IS NULL)),
  CHECK ((approved_on IS NULL) = (approved_amount IS NULL)),
  CHECK ((status = 'paid') = (paid_on IS NOT NULL)),
  CHECK ((paid_on IS NULL) = (paid_amount IS NULL))
);
CREATE INDEX subsidy_claim_month ON subsidy_claim (month);
CREATE INDEX subsidy_claim_fiscal_year ON subsidy_claim (fiscal_year, month);
