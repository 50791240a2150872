-- Availability, requests, offers, pairings and pre-meetings (援助の申し込みとマッチング).

-- A helper's weekly availability: several slots per day; ISO weekday 1 = Monday … 7 = Sunday.
CREATE TABLE availability_slot (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES member (id),
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  CHECK (end_time > start_time)
);
CREATE INDEX availability_slot_weekday ON availability_slot (weekday, member_id);
CREATE INDEX availability_slot_member ON availability_slot (member_id);

-- Dates a helper is NOT available (whole day when the times are NULL).
CREATE TABLE availability_exception (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES member (id),
  date TEXT NOT NULL,
  start_time TEXT,
  end_time TEXT,
  note TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX availability_exception_date ON availability_exception (date, member_id);
CREATE INDEX availability_exception_member ON availability_exception (member_id, date);

-- A private iCalendar feed of a helper's assignments. Only the token's hash is kept.
CREATE TABLE calendar_feed (
  member_id TEXT PRIMARY KEY REFERENCES member (id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

-- A weekly pattern that generated linked requests (recurring help).
CREATE TABLE request_series (
  id TEXT PRIMARY KEY,
  requester_member_id TEXT NOT NULL REFERENCES member (id),
  weekdays TEXT NOT NULL,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  skip_holidays INTEGER NOT NULL CHECK (skip_holidays IN (0, 1)),
  created_at TEXT NOT NULL
);

-- One occurrence of requested help. Status: open → offered → matched → completed, or cancelled.
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
  status TEXT NOT NULL CHECK (status IN ('open', 'offered', 'matched', 'completed', 'cancelled')),
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
  CHECK (ends_at > starts_at),
  CHECK ((status IN ('matched', 'completed')) = (helper_member_id IS NOT NULL) OR status = 'cancelled')
);
CREATE INDEX care_request_status_start ON care_request (status, starts_at);
CREATE INDEX care_request_requester ON care_request (requester_member_id, starts_at);
CREATE INDEX care_request_helper ON care_request (helper_member_id, starts_at);
CREATE INDEX care_request_series ON care_request (series_id);

CREATE TABLE care_request_child (
  request_id TEXT NOT NULL REFERENCES care_request (id),
  child_id TEXT NOT NULL REFERENCES child (id),
  PRIMARY KEY (request_id, child_id)
);
CREATE INDEX care_request_child_child ON care_request_child (child_id);

-- Staff offer a request to one or several helpers; the first acceptance wins.
CREATE TABLE offer (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES care_request (id),
  helper_member_id TEXT NOT NULL REFERENCES member (id),
  status TEXT NOT NULL CHECK (status IN ('offered', 'accepted', 'declined', 'closed', 'expired', 'withdrawn')),
  offered_by_user_id TEXT NOT NULL,
  offered_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  responded_at TEXT,
  decline_reason TEXT,
  UNIQUE (request_id, helper_member_id)
);
-- NOTE: the database itself guarantees one winner per request.
CREATE UNIQUE INDEX offer_one_accepted_per_request ON offer (request_id) WHERE status = 'accepted';
CREATE INDEX offer_helper_status ON offer (helper_member_id, status);

-- An established requester × helper relationship (continuity).
CREATE TABLE pairing (
  id TEXT PRIMARY KEY,
  requester_member_id TEXT NOT NULL REFERENCES member (id),
  helper_member_id TEXT NOT NULL REFERENCES member (id),
  created_at TEXT NOT NULL,
  UNIQUE (requester_member_id, helper_member_id)
);
CREATE INDEX pairing_helper ON pairing (helper_member_id);

-- 事前打ち合わせ: valid for the fiscal year it was held in.
CREATE TABLE pre_meeting (
  id TEXT PRIMARY KEY,
  requester_member_id TEXT NOT NULL REFERENCES member (id),
  helper_member_id TEXT NOT NULL REFERENCES member (id),
  held_on TEXT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  place TEXT NOT NULL,
  attendees TEXT NOT NULL,
  emergency_procedure TEXT NOT NULL,
  agreed_details TEXT,
  notes TEXT,
  recorded_by_user_id TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX pre_meeting_pair ON pre_meeting (requester_member_id, helper_member_id, fiscal_year);

-- Helpers a family asked the center not to send.
CREATE TABLE blocked_helper (
  requester_member_id TEXT NOT NULL REFERENCES member (id),
  helper_member_id TEXT NOT NULL REFERENCES member (id),
  reason TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (requester_member_id, helper_member_id)
);
