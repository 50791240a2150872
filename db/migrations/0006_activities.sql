-- Activity reports, their review and corrections, and incidents (援助活動報告・ヒヤリハット・事故).

-- One report per request occurrence (request_id UNIQUE). The fee is computed when reported (and
-- on each correction) and stored with the fee table used, so a later table never changes it.
CREATE TABLE activity (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL UNIQUE REFERENCES care_request (id),
  helper_member_id TEXT NOT NULL REFERENCES member (id),
  requester_member_id TEXT NOT NULL REFERENCES member (id),
  started_at TEXT NOT NULL,
  ended_at TEXT NOT NULL,
  place TEXT,
  transport_cost INTEGER NOT NULL CHECK (transport_cost >= 0),
  meal_cost INTEGER NOT NULL CHECK (meal_cost >= 0),
  notes TEXT,
  -- Integer yen: the sum of the per-child totals.
  fee_total INTEGER NOT NULL CHECK (fee_total >= 0),
  -- JSON: [{childId, childIndex, band, from, to, minutes, units, rate, amount}] (amount exact).
  fee_lines TEXT NOT NULL,
  -- JSON: [{childId, amount}] in integer yen, rounded per child (statements need them).
  fee_child_totals TEXT NOT NULL,
  fee_table_valid_from TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('reported', 'confirmed', 'disputed', 'returned', 'approved')),
  dispute_reason TEXT,
  return_reason TEXT,
  reported_at TEXT NOT NULL,
  confirmed_at TEXT,
  approved_at TEXT,
  approved_by TEXT REFERENCES user (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (ended_at > started_at)
);
-- Monthly aggregation (月報) and the per-family / per-helper views.
CREATE INDEX activity_started_status ON activity (started_at, status);
CREATE INDEX activity_helper_started ON activity (helper_member_id, started_at);
CREATE INDEX activity_requester_started ON activity (requester_member_id, started_at);
CREATE INDEX activity_status ON activity (status, started_at);

CREATE TABLE activity_child (
  activity_id TEXT NOT NULL REFERENCES activity (id),
  child_id TEXT NOT NULL REFERENCES child (id),
  PRIMARY KEY (activity_id, child_id)
);
CREATE INDEX activity_child_child ON activity_child (child_id);

-- An activity may combine categories (transport and care).
CREATE TABLE activity_category (
  activity_id TEXT NOT NULL REFERENCES activity (id),
  category INTEGER NOT NULL CHECK (category BETWEEN 1 AND 12),
  PRIMARY KEY (activity_id, category)
);
CREATE INDEX activity_category_category ON activity_category (category);

-- Corrections keep their history: the report as it was before each change.
CREATE TABLE activity_revision (
  id TEXT PRIMARY KEY,
  activity_id TEXT NOT NULL REFERENCES activity (id),
  version INTEGER NOT NULL,
  snapshot TEXT NOT NULL,
  changed_by TEXT NOT NULL REFERENCES user (id),
  reason TEXT,
  at TEXT NOT NULL,
  UNIQUE (activity_id, version)
);

-- Near-misses (ヒヤリハット) and accidents. A serious accident is reported to the prefecture.
CREATE TABLE incident (
  id TEXT PRIMARY KEY,
  activity_id TEXT NOT NULL REFERENCES activity (id),
  kind TEXT NOT NULL CHECK (kind IN ('near_miss', 'accident')),
  severity TEXT NOT NULL CHECK (severity IN ('minor', 'moderate', 'serious')),
  serious_reason TEXT CHECK (serious_reason IN ('death', 'loss_of_consciousness', 'treatment_30_days')),
  description TEXT NOT NULL,
  action_taken TEXT NOT NULL,
  reported_to_prefecture_at TEXT,
  created_by TEXT NOT NULL REFERENCES user (id),
  created_at TEXT NOT NULL,
  CHECK ((serious_reason IS NOT NULL) = (kind = 'accident' AND severity = 'serious'))
);
CREATE INDEX incident_activity ON incident (activity_id);
CREATE INDEX incident_created ON incident (created_at);
