-- Issue #20, point 3: the sick-child programme's safeguards, per request of kind `sick`.
--
-- The 医師連絡票 (the doctor's note: the child saw a doctor before the care) and, when the
-- family gives it, the 代理受診委任状 (the helper may take the child to that doctor). One per
-- request, recorded by the family or staff; the care cannot be handed over without it.
CREATE TABLE sick_care_note (
  request_id TEXT PRIMARY KEY REFERENCES care_request (id),
  doctor_name TEXT NOT NULL,
  institution TEXT NOT NULL,
  seen_on TEXT NOT NULL,
  diagnosis TEXT NOT NULL,
  instructions TEXT NOT NULL,
  -- 代理受診委任状: NULL when the family gives none.
  proxy_institution TEXT,
  proxy_reason TEXT,
  recorded_by_user_id TEXT NOT NULL REFERENCES user (id),
  recorded_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The exclusion checklist as answered: by the family with the request (`request`) and by the
-- helper when the child is handed over (`handover`, with the child's state then). Only clear
-- answers are stored; a "yes" refuses and is kept in the audit log with the staff notice.
-- `answers` is the checklist as it was asked (JSON [{code, ja, en, yes}]): settings change.
CREATE TABLE sick_care_check (
  request_id TEXT NOT NULL REFERENCES care_request (id),
  stage TEXT NOT NULL CHECK (stage IN ('request', 'handover')),
  answers TEXT NOT NULL,
  -- At handover: the temperature the helper took (°C) and what she saw; NULL at request time.
  temperature REAL,
  child_state TEXT,
  recorded_by_user_id TEXT NOT NULL REFERENCES user (id),
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (request_id, stage)
);
