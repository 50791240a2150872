-- Members (依頼会員 / 提供会員 / 両方会員), their households and children, orientations.
-- Each side has its own status: applied → active → suspended → withdrawn (NULL: no such side).

CREATE TABLE member (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL UNIQUE REFERENCES user (id),
  member_no INTEGER UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('requester', 'helper', 'both')),
  name TEXT NOT NULL,
  name_kana TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  phone TEXT NOT NULL,
  postal_code TEXT,
  address TEXT NOT NULL,
  area TEXT NOT NULL,
  requester_status TEXT CHECK (requester_status IN ('applied', 'active', 'suspended', 'withdrawn')),
  helper_status TEXT CHECK (helper_status IN ('applied', 'active', 'suspended', 'withdrawn')),
  requester_approved_at TEXT,
  helper_approved_at TEXT,
  -- Helper profile (NULL / empty for requesters).
  helper_areas TEXT NOT NULL DEFAULT '[]',
  helper_categories TEXT NOT NULL DEFAULT '[]',
  helper_child_age_min_months INTEGER,
  helper_child_age_max_months INTEGER,
  helper_max_children INTEGER NOT NULL DEFAULT 1 CHECK (helper_max_children BETWEEN 1 AND 3),
  helper_has_pets INTEGER NOT NULL DEFAULT 0,
  helper_smoker_in_home INTEGER NOT NULL DEFAULT 0,
  helper_preschoolers_at_home INTEGER NOT NULL DEFAULT 0,
  helper_household_notes TEXT,
  -- Consent as given, with the version of the text the member agreed to.
  consent_terms_version TEXT NOT NULL,
  consent_terms_at TEXT NOT NULL,
  consent_health_version TEXT,
  consent_health_at TEXT,
  entered_by_user_id TEXT,
  withdrawn_at TEXT,
  withdrawal_reason TEXT,
  purged_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((kind = 'requester' AND helper_status IS NULL AND requester_status IS NOT NULL)
      OR (kind = 'helper' AND requester_status IS NULL AND helper_status IS NOT NULL)
      OR (kind = 'both' AND requester_status IS NOT NULL AND helper_status IS NOT NULL))
);
CREATE INDEX member_kana ON member (name_kana);
CREATE INDEX member_area ON member (area);
CREATE INDEX member_phone ON member (phone);
CREATE INDEX member_requester_status ON member (requester_status);
CREATE INDEX member_helper_status ON member (helper_status);

-- Every status change of a side, for the member's history and the statistics.
CREATE TABLE member_status_event (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES member (id),
  side TEXT NOT NULL CHECK (side IN ('requester', 'helper')),
  from_status TEXT,
  to_status TEXT NOT NULL,
  reason TEXT,
  actor_user_id TEXT,
  at TEXT NOT NULL
);
CREATE INDEX member_status_event_member ON member_status_event (member_id, at);
CREATE INDEX member_status_event_at ON member_status_event (at, to_status);

CREATE TABLE child (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES member (id),
  name TEXT NOT NULL,
  name_kana TEXT NOT NULL,
  sex TEXT CHECK (sex IN ('female', 'male', 'other')),
  birth_date TEXT NOT NULL,
  school TEXT,
  -- 要配慮個人情報: shown only to staff, the parent and a helper with a live match; reads audited.
  allergies TEXT,
  health_notes TEXT,
  family_doctor TEXT,
  removed_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX child_member ON child (member_id);
CREATE INDEX child_birth_date ON child (birth_date);

CREATE TABLE emergency_contact (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES member (id),
  name TEXT NOT NULL,
  relation TEXT NOT NULL,
  phone TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX emergency_contact_member ON emergency_contact (member_id);

-- People the parent authorises to collect a child from the helper.
CREATE TABLE authorized_pickup (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES member (id),
  name TEXT NOT NULL,
  relation TEXT NOT NULL,
  phone TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX authorized_pickup_member ON authorized_pickup (member_id);

CREATE TABLE orientation (
  id TEXT PRIMARY KEY,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  venue TEXT NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  notes TEXT,
  created_by TEXT,
  created_at TEXT NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX orientation_starts ON orientation (starts_at);

CREATE TABLE orientation_registration (
  id TEXT PRIMARY KEY,
  orientation_id TEXT NOT NULL REFERENCES orientation (id),
  member_id TEXT NOT NULL REFERENCES member (id),
  registered_at TEXT NOT NULL,
  attended INTEGER CHECK (attended IN (0, 1)),
  attendance_recorded_at TEXT,
  UNIQUE (orientation_id, member_id)
);
CREATE INDEX orientation_registration_member ON orientation_registration (member_id);
