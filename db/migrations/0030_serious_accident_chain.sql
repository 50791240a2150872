-- Issue #19 point 1: the reporting chain of a serious accident (重大事故). The center reports to
-- the 市町村, the 市町村 to the 都道府県, the 都道府県 to the 国; first the same-day report (第1報,
-- the next day at the latest), then the detailed report (第2報・詳細報告, within a month). The
-- center records each step it knows of: when it was reported and by whom (a person or an
-- office). One row per incident, stage and level; the due dates are computed, not stored
-- (src/modules/incidents/serious-accident-rules.ts).
CREATE TABLE serious_report_step (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incident (id),
  stage TEXT NOT NULL CHECK (stage IN ('first', 'detailed')),
  -- Who received the report: the municipality, the prefecture, the national government.
  level TEXT NOT NULL CHECK (level IN ('municipality', 'prefecture', 'national')),
  reported_on TEXT NOT NULL,
  reported_by TEXT NOT NULL,
  note TEXT,
  recorded_by TEXT NOT NULL REFERENCES user (id),
  recorded_at TEXT NOT NULL,
  UNIQUE (incident_id, stage, level)
);
