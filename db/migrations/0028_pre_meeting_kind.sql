-- 事前打ち合わせ: the kind of help it covered (issue #19 pt 3). A pre-meeting is required again
-- when the kind of help changes (援助内容 = care_request.category, or 預かり場所 =
-- care_request.care_location), not only each fiscal year. The rule is in
-- src/modules/requests/pre-meeting-need-rules.ts (docs/decisions/2026-12-06-pre-meeting-on-change.md).
-- NULL on the rows recorded before this migration: they covered whatever the pair did that year,
-- so no pair is asked for a new pre-meeting by the upgrade itself.
ALTER TABLE pre_meeting ADD COLUMN category INTEGER;
ALTER TABLE pre_meeting ADD COLUMN care_location TEXT
  CHECK (care_location IS NULL OR care_location IN ('helper_home', 'requester_home', 'other'));
