-- The annual renewal (年度更新, issue #19 point 3): before a fiscal year begins each member
-- confirms their details and says, per side, whether they continue. One row per member and
-- fiscal year renewed for (the year that begins, e.g. 2027 for the renewal done in Feb–Mar 2027);
-- a later confirmation for the same year replaces the answers (each one is also in the audit log).
CREATE TABLE renewal_confirmation (
  id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES member (id) ON DELETE CASCADE,
  fiscal_year INTEGER NOT NULL,
  -- 1: continues, 0: does not; NULL when the member has no such side.
  continue_requester INTEGER CHECK (continue_requester IN (0, 1)),
  continue_helper INTEGER CHECK (continue_helper IN (0, 1)),
  -- The terms version agreed to with this confirmation.
  consent_terms_version TEXT NOT NULL,
  -- online: the member on マイページ; paper: staff recording the returned form.
  channel TEXT NOT NULL CHECK (channel IN ('online', 'paper')),
  confirmed_at TEXT NOT NULL,
  recorded_by_user_id TEXT NOT NULL REFERENCES user (id),
  -- Set by the year-end job once the sides not continued have been ended.
  lapsed_at TEXT,
  UNIQUE (member_id, fiscal_year)
);
CREATE INDEX renewal_confirmation_year ON renewal_confirmation (fiscal_year, lapsed_at);
