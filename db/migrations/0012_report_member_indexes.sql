-- Covering indexes for the reports' member and child figures (docs/performance.md): members at
-- a date by side and age band, the month-end trend, new members, and children at a date by age
-- band. The reports read a few columns of every member (~23,000 in a city) and of their
-- children; from these indexes they no longer read the wide member and child rows.
CREATE INDEX member_report_cover
  ON member (requester_approved_at, helper_approved_at, withdrawn_at, birth_date, kind, id);

-- Replaces child_member (its prefix).
CREATE INDEX child_member_cover ON child (member_id, birth_date, removed_at);
DROP INDEX child_member;
