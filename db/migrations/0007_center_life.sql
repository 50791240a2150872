-- Center life: events (会員交流会, 講演会, open days) with registrations and a waitlist,
-- announcements and the newsletter archive (広報誌), and the directory of local groups and places
-- (子ども食堂, play parks, parents' circles …) with the "referred to" notes staff keep per member.

CREATE TABLE event (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('exchange', 'lecture', 'open_day', 'other')),
  title TEXT NOT NULL,
  -- Markdown (the safe subset of src/lib/markdown.ts).
  description TEXT NOT NULL DEFAULT '',
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  venue TEXT NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  -- Who may see and join it; 'public' events are shown without signing in.
  audience TEXT NOT NULL CHECK (audience IN ('members', 'helpers', 'requesters', 'public')),
  -- Childcare (託児) during the event: registrants then say how many children need care.
  childcare INTEGER NOT NULL DEFAULT 0 CHECK (childcare IN (0, 1)),
  cancelled_at TEXT,
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX event_starts ON event (starts_at);

-- A member's place at an event: a seat ('registered') or the waitlist, in order of `position`.
CREATE TABLE event_registration (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES event (id),
  member_id TEXT NOT NULL REFERENCES member (id),
  status TEXT NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
  position INTEGER NOT NULL,
  -- Children who need care during the event (0 when the event offers none).
  children INTEGER NOT NULL DEFAULT 0 CHECK (children BETWEEN 0 AND 5),
  attended INTEGER CHECK (attended IN (0, 1)),
  registered_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  promoted_at TEXT,
  cancelled_at TEXT,
  attendance_recorded_at TEXT
);
-- One live registration per member and event; cancelled rows stay as history.
CREATE UNIQUE INDEX event_registration_live ON event_registration (event_id, member_id)
  WHERE status <> 'cancelled';
CREATE INDEX event_registration_event ON event_registration (event_id, status, position);
CREATE INDEX event_registration_member ON event_registration (member_id);

CREATE TABLE announcement (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  -- Markdown (the safe subset of src/lib/markdown.ts); never rendered as raw HTML.
  body TEXT NOT NULL,
  audience TEXT NOT NULL CHECK (audience IN ('all', 'helpers', 'requesters', 'staff')),
  -- Also sent by mail (through the notification outbox) when published.
  email INTEGER NOT NULL DEFAULT 0 CHECK (email IN (0, 1)),
  -- NULL while a draft.
  published_at TEXT,
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX announcement_published ON announcement (published_at);

-- The newsletter archive (広報誌): an uploaded PDF, or a page written in Markdown.
CREATE TABLE newsletter (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('pdf', 'page')),
  body TEXT,
  file_name TEXT,
  file_size INTEGER,
  created_by TEXT,
  created_at TEXT NOT NULL,
  CHECK ((format = 'page' AND body IS NOT NULL AND file_size IS NULL)
      OR (format = 'pdf' AND body IS NULL AND file_size IS NOT NULL))
);
CREATE INDEX newsletter_issued ON newsletter (issued_on);

-- The bytes of a PDF newsletter, in order. Stored in parts because D1 caps a row at 2 MB.
CREATE TABLE newsletter_file_part (
  newsletter_id TEXT NOT NULL REFERENCES newsletter (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (newsletter_id, seq)
);

-- Local groups and places families can be referred to.
CREATE TABLE local_group (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('food', 'play', 'study', 'disability', 'grief', 'parents', 'consultation', 'other')),
  -- A settings area code (地区).
  area TEXT NOT NULL,
  schedule TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  -- Children's ages it is for, in whole years (NULL: no lower / upper limit).
  age_min INTEGER CHECK (age_min BETWEEN 0 AND 18),
  age_max INTEGER CHECK (age_max BETWEEN 0 AND 18),
  description TEXT NOT NULL DEFAULT '',
  url TEXT,
  archived_at TEXT,
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max)
);
CREATE INDEX local_group_area ON local_group (area, kind);

-- "Referred to": staff pointed a member's family to a group.
CREATE TABLE referral (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES member (id),
  group_id TEXT NOT NULL REFERENCES local_group (id),
  referred_on TEXT NOT NULL,
  note TEXT,
  staff_user_id TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX referral_member ON referral (member_id, referred_on);
