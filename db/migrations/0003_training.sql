-- Helper training (提供会員講習会): the curriculum, sessions with capacity and a waitlist,
-- and the training records the qualification engine reads (src/modules/trainings/qualifications.ts).

-- A module of the curriculum. `validity_mode` 'months' with NULL months never expires (basic);
-- 'fiscal_year_end' is valid through March 31 of the fiscal year it was completed in (follow-up).
CREATE TABLE training_module (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  title_ja TEXT NOT NULL,
  title_en TEXT NOT NULL,
  hours REAL NOT NULL CHECK (hours > 0),
  kind TEXT NOT NULL CHECK (kind IN ('basic', 'cpr', 'followup', 'sick_child')),
  validity_mode TEXT NOT NULL DEFAULT 'months' CHECK (validity_mode IN ('months', 'fiscal_year_end')),
  validity_months INTEGER CHECK (validity_months IS NULL OR validity_months > 0),
  sort_order INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
);
CREATE INDEX training_module_order ON training_module (sort_order, code);

CREATE TABLE training_session (
  id TEXT PRIMARY KEY,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  venue TEXT NOT NULL,
  instructor TEXT,
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  notes TEXT,
  created_by TEXT,
  created_at TEXT NOT NULL,
  cancelled_at TEXT,
  CHECK (ends_at > starts_at)
);
CREATE INDEX training_session_starts ON training_session (starts_at);

-- The modules a session teaches (one or more).
CREATE TABLE training_session_module (
  session_id TEXT NOT NULL REFERENCES training_session (id),
  module_id TEXT NOT NULL REFERENCES training_module (id),
  PRIMARY KEY (session_id, module_id)
);
CREATE INDEX training_session_module_module ON training_session_module (module_id);

-- A seat (or a place on the waitlist). `position` is the order of joining within the session,
-- assigned by the same INSERT that decides 'enrolled' or 'waitlisted'; the waitlist is promoted
-- in that order.
CREATE TABLE training_enrollment (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES training_session (id),
  member_id TEXT NOT NULL REFERENCES member (id),
  status TEXT NOT NULL CHECK (status IN ('enrolled', 'waitlisted', 'cancelled')),
  position INTEGER NOT NULL,
  enrolled_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  promoted_at TEXT,
  cancelled_at TEXT
);
-- One live enrolment per member and session; cancelled rows stay as history.
CREATE UNIQUE INDEX training_enrollment_live ON training_enrollment (session_id, member_id)
  WHERE status <> 'cancelled';
CREATE INDEX training_enrollment_session ON training_enrollment (session_id, status, position);
CREATE INDEX training_enrollment_member ON training_enrollment (member_id);

-- A completed module: from attendance (session_id set), an external certificate or an exemption.
-- Helper submissions start 'pending' and count only once staff approve them.
CREATE TABLE training_record (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES member (id),
  module_id TEXT NOT NULL REFERENCES training_module (id),
  completed_on TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('attendance', 'external', 'exemption')),
  session_id TEXT REFERENCES training_session (id),
  evidence_note TEXT,
  status TEXT NOT NULL CHECK (status IN ('approved', 'pending', 'rejected')),
  recorded_by TEXT,
  reviewed_by TEXT,
  reviewed_at TEXT,
  review_note TEXT,
  created_at TEXT NOT NULL,
  CHECK ((source = 'attendance') = (session_id IS NOT NULL))
);
CREATE INDEX training_record_member ON training_record (member_id, status);
CREATE INDEX training_record_module ON training_record (module_id, completed_on);
CREATE INDEX training_record_pending ON training_record (status, created_at);
-- Re-recording a session's attendance never duplicates a record (NULL session ids never clash).
CREATE UNIQUE INDEX training_record_attendance ON training_record (session_id, member_id, module_id);
