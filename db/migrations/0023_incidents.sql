-- Issue #19 point 1: accidents on their own. An incident no longer has to hang off an activity
-- report: it may be linked to an activity, a request (e.g. an accident on the way to help), a
-- training session, an event, or nothing. It records when and where, who was hurt or what was
-- damaged, first aid, hospital and diagnosis, days of treatment, and who was told and when.
--
-- SQLite cannot make activity_id nullable in place: the table is rebuilt through a scratch copy
-- (nothing references incident, so no foreign key is deferred). Existing rows keep their
-- activity; their time and place stay those of the activity (occurred_at / place NULL).
CREATE TABLE incident_copy AS SELECT * FROM incident;
DROP TABLE incident;

CREATE TABLE incident (
  id TEXT PRIMARY KEY,
  -- At most one link (the CHECK below); none for e.g. an accident at the center's office.
  activity_id TEXT REFERENCES activity (id),
  request_id TEXT REFERENCES care_request (id),
  training_session_id TEXT REFERENCES training_session (id),
  event_id TEXT REFERENCES event (id),
  kind TEXT NOT NULL CHECK (kind IN ('near_miss', 'accident')),
  severity TEXT NOT NULL CHECK (severity IN ('minor', 'moderate', 'serious')),
  serious_reason TEXT CHECK (serious_reason IN ('death', 'loss_of_consciousness', 'treatment_30_days')),
  -- What happened, and the first aid / what was done.
  description TEXT NOT NULL,
  action_taken TEXT NOT NULL,
  reported_to_prefecture_at TEXT,
  created_by TEXT NOT NULL REFERENCES user (id),
  created_at TEXT NOT NULL,
  -- When it happened (instant); NULL on incidents recorded on an activity report before 0023,
  -- whose time is the activity's start.
  occurred_at TEXT,
  place TEXT,
  -- What was going on: the help itself, the way to or from it, training, an event, other.
  situation TEXT CHECK (situation IN ('during_help', 'travel', 'training', 'event', 'other')),
  -- Who was hurt, or what was damaged (property).
  victim TEXT CHECK (victim IN ('child', 'helper', 'third_party', 'property', 'none')),
  victim_name TEXT,
  damage TEXT,
  hospital TEXT,
  diagnosis TEXT,
  treatment_days INTEGER CHECK (treatment_days >= 0),
  family_told_at TEXT,
  center_told_at TEXT,
  police_told_at TEXT,
  updated_at TEXT,
  CHECK ((serious_reason IS NOT NULL) = (kind = 'accident' AND severity = 'serious')),
  CHECK ((activity_id IS NOT NULL) + (request_id IS NOT NULL) + (training_session_id IS NOT NULL)
    + (event_id IS NOT NULL) <= 1)
);

INSERT INTO incident (
  id, activity_id, kind, severity, serious_reason, description, action_taken,
  reported_to_prefecture_at, created_by, created_at, situation
)
SELECT
  id, activity_id, kind, severity, serious_reason, description, action_taken,
  reported_to_prefecture_at, created_by, created_at, 'during_help'
FROM incident_copy;
DROP TABLE incident_copy;

CREATE INDEX incident_activity ON incident (activity_id);
CREATE INDEX incident_request ON incident (request_id);
CREATE INDEX incident_created ON incident (created_at);

-- An accident as an insurance case (one per cover concerned: a helper's injury and the
-- liability for a third party's are two claims). The cover is a code of the `insurance`
-- setting's covers; the claim deadline is fixed when the case is opened (the accident's date +
-- the setting's claim window, 180 days by default) so a later change of the setting does not
-- move it.
CREATE TABLE insurance_case (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incident (id),
  cover TEXT NOT NULL,
  claim_deadline_on TEXT NOT NULL,
  insurer_notified_on TEXT,
  documents_sent TEXT,
  documents_sent_on TEXT,
  amount_paid INTEGER CHECK (amount_paid >= 0),
  paid_on TEXT,
  note TEXT,
  closed_on TEXT,
  created_by TEXT NOT NULL REFERENCES user (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (incident_id, cover)
);
-- The dashboard's "nearing the deadline": open cases by deadline.
CREATE INDEX insurance_case_open ON insurance_case (claim_deadline_on) WHERE closed_on IS NULL;
