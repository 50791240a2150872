-- Issue #22: a request whose start passes without a helper closes as `unfilled` (the scheduled
-- job `close-unfilled-requests`), and a request whose helper was taken away (her helper side
-- suspended) goes back to the staff board marked "needs a new helper" (`helper_lost_at`).
--
-- SQLite cannot change a CHECK in place: the table is rebuilt. care_request_child, offer and
-- activity reference care_request, and foreign keys stay on (D1 allows no other way), so they
-- are deferred: dropping the old table counts one violation per referencing row, and inserting
-- the rows again into the new table of the same name counts each back (a rename would not:
-- the copy goes through a plain scratch table and back, never through ALTER TABLE RENAME).
-- Indexes and triggers on the table are recreated as they were.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE care_request_copy AS SELECT * FROM care_request;
DROP TABLE care_request;

CREATE TABLE care_request (
  id TEXT PRIMARY KEY,
  requester_member_id TEXT NOT NULL REFERENCES member (id),
  series_id TEXT REFERENCES request_series (id),
  category INTEGER NOT NULL CHECK (category BETWEEN 1 AND 12),
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  care_location TEXT NOT NULL CHECK (care_location IN ('helper_home', 'requester_home', 'other')),
  care_location_note TEXT,
  pickup TEXT,
  dropoff TEXT,
  notes TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'offered', 'matched', 'completed', 'cancelled', 'unfilled')),
  helper_member_id TEXT REFERENCES member (id),
  matched_at TEXT,
  cancelled_at TEXT,
  cancelled_by_user_id TEXT,
  cancelled_by_role TEXT CHECK (cancelled_by_role IN ('requester', 'helper', 'staff')),
  cancel_kind TEXT CHECK (cancel_kind IN ('cancel', 'no_show', 'weather')),
  cancel_reason TEXT,
  cancellation_fee INTEGER,
  created_by_user_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- When the matched helper was taken off the request (her helper side suspended); cleared when
  -- a new helper accepts.
  helper_lost_at TEXT,
  -- When the request closed as unfilled.
  unfilled_at TEXT,
  CHECK (ends_at > starts_at),
  CHECK ((status IN ('matched', 'completed')) = (helper_member_id IS NOT NULL) OR status = 'cancelled')
);

INSERT INTO care_request (
  id, requester_member_id, series_id, category, starts_at, ends_at, care_location,
  care_location_note, pickup, dropoff, notes, status, helper_member_id, matched_at, cancelled_at,
  cancelled_by_user_id, cancelled_by_role, cancel_kind, cancel_reason, cancellation_fee,
  created_by_user_id, created_at, updated_at
)
SELECT
  id, requester_member_id, series_id, category, starts_at, ends_at, care_location,
  care_location_note, pickup, dropoff, notes, status, helper_member_id, matched_at, cancelled_at,
  cancelled_by_user_id, cancelled_by_role, cancel_kind, cancel_reason, cancellation_fee,
  created_by_user_id, created_at, updated_at
FROM care_request_copy;

DROP TABLE care_request_copy;

CREATE INDEX care_request_requester ON care_request (requester_member_id, starts_at);
CREATE INDEX care_request_helper ON care_request (helper_member_id, starts_at);
CREATE INDEX care_request_series ON care_request (series_id);
CREATE INDEX care_request_report_cover
  ON care_request (starts_at, status, matched_at, created_at, cancelled_by_role, cancellation_fee);
CREATE INDEX care_request_status_start_helper
  ON care_request (status, starts_at, helper_member_id, ends_at);

CREATE TRIGGER matching_stamp_request_insert AFTER INSERT ON care_request
BEGIN UPDATE matching_stamp SET token = lower(hex(randomblob(16))) WHERE topic = 'workload'; END;
CREATE TRIGGER matching_stamp_request_update
  AFTER UPDATE OF status, helper_member_id, starts_at, ends_at ON care_request
BEGIN UPDATE matching_stamp SET token = lower(hex(randomblob(16))) WHERE topic = 'workload'; END;
CREATE TRIGGER matching_stamp_request_delete AFTER DELETE ON care_request
BEGIN UPDATE matching_stamp SET token = lower(hex(randomblob(16))) WHERE topic = 'workload'; END;

-- Staff correct a pre-meeting record; each earlier version is kept (issue #22).
CREATE TABLE pre_meeting_revision (
  id TEXT PRIMARY KEY,
  pre_meeting_id TEXT NOT NULL REFERENCES pre_meeting (id),
  -- JSON: the record's fields before the correction.
  snapshot TEXT NOT NULL,
  changed_by TEXT NOT NULL REFERENCES user (id),
  reason TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX pre_meeting_revision_meeting ON pre_meeting_revision (pre_meeting_id, at);
