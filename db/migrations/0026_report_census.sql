-- Member and child counts at a month end, kept by triggers (docs/performance.md,
-- docs/decisions/2026-12-06-report-census.md). The reports counted every member (~23,000 in a
-- city) and child (~30,000) of the city at the period's end, twice per monthly report: ~80 ms
-- of its ~110 ms. These tables hold the same counts as events instead, so a report reads a few
-- thousand narrow rows. Triggers keep them exact on Node and on D1, whichever code path (or a
-- manual SQL fix) approves a side, withdraws, records or corrects a withdrawal event, purges
-- (birth dates cut to the month), adds, moves or removes a child, or corrects a birth date:
-- every change takes the old rows' contribution out first (BEFORE) and puts the new one in
-- (AFTER), as in 0011.
--
-- The rule counted (src/modules/reports/reports.queries.ts, sideAt): a member's side counts at
-- instant T when it was approved before T and neither the member nor that side had withdrawn
-- before T (withdrawn_at, or the side's first 'withdrawn' status event). So each side is a span
-- [start, end) and counts at T when start < T and not end < T: the count at T is the number of
-- starts before T minus the number of ends before T (an end before its start is moved to it,
-- which then counts never, as the rule says). 'b' is the overlap of both sides; a requester-only
-- count is then r - b. A child counts with its parent's requester side, until it is removed.
--
-- Periods end at Tokyo midnight, so "before T" is "on a Tokyo day <= the period's last date".
-- Events are kept per Tokyo day (report_census_*_delta), and their sum over all days as the count
-- "at the end of time" (report_census_*_total); the count at a date is the total minus the
-- events after it: a recent month reads the total and a few months of events.
--
-- Ages are taken on the period's end date, so rows keep a birth key rather than an age: the
-- birth date's month, except that April 1 (school grades) and February 29 stay their own day.
-- Every threshold the reports compare a birth date with at a month end (report-bands.ts: the
-- same month n years earlier, April 1 of a cohort, the end date itself) puts a whole key on one
-- side, so the key's first day stands for all its birth dates. Readers use these tables only
-- for periods ending on a month's last day; test/modules/report-census.test.ts checks them
-- against a recount from the base tables.

-- Each member's sides as spans. The birth key is the rule above; a side ends at the member's
-- withdrawal or the side's first withdrawal event, whichever is earlier.
CREATE VIEW report_census_member_side AS
SELECT m.id AS member_id,
  (CASE WHEN substr(m.birth_date, 6, 5) IN ('02-29', '04-01') THEN m.birth_date
    WHEN substr(m.birth_date, 6, 2) = '04' THEN substr(m.birth_date, 1, 8) || '02'
    ELSE substr(m.birth_date, 1, 8) || '01' END) AS birth_key,
  m.requester_approved_at AS r_start,
  m.helper_approved_at AS h_start,
  m.withdrawn_at,
  (SELECT MIN(e.at) FROM member_status_event e WHERE e.member_id = m.id
    AND e.side = 'requester' AND e.to_status = 'withdrawn') AS r_withdrawn,
  (SELECT MIN(e.at) FROM member_status_event e WHERE e.member_id = m.id
    AND e.side = 'helper' AND e.to_status = 'withdrawn') AS h_withdrawn
FROM member m;

CREATE VIEW report_census_member_span AS
SELECT member_id, birth_key, r_start, h_start,
  COALESCE(min(withdrawn_at, r_withdrawn), withdrawn_at, r_withdrawn) AS r_end,
  COALESCE(min(withdrawn_at, h_withdrawn), withdrawn_at, h_withdrawn) AS h_end
FROM report_census_member_side;

-- Six events per member: a start (+1) and an end (-1) per side and for both. `day` is NULL
-- where there is none (max() of a NULL is NULL): skipped. (VALUES, not UNION ALL: D1 allows
-- only a few terms in a compound SELECT.)
CREATE VIEW report_census_member_event AS
SELECT member_id, birth_key,
  (CASE WHEN k < 2 THEN 'r' WHEN k < 4 THEN 'h' ELSE 'b' END) AS side,
  date(CASE k WHEN 0 THEN r_start WHEN 1 THEN max(r_end, r_start)
      WHEN 2 THEN h_start WHEN 3 THEN max(h_end, h_start)
      WHEN 4 THEN max(r_start, h_start)
      ELSE max(COALESCE(min(r_end, h_end), r_end, h_end), r_start, h_start) END,
    '+9 hours') AS day,
  (CASE WHEN k % 2 = 0 THEN 1 ELSE -1 END) AS delta
FROM report_census_member_span
  CROSS JOIN (SELECT column1 AS k FROM (VALUES (0), (1), (2), (3), (4), (5)));

-- Two events per child: its parent's requester side starts (+1), and it ends or the child is
-- removed (-1).
CREATE VIEW report_census_child_event AS
SELECT c.id AS child_id,
  (CASE WHEN substr(c.birth_date, 6, 5) IN ('02-29', '04-01') THEN c.birth_date
    WHEN substr(c.birth_date, 6, 2) = '04' THEN substr(c.birth_date, 1, 8) || '02'
    ELSE substr(c.birth_date, 1, 8) || '01' END) AS birth_key,
  date(CASE k WHEN 0 THEN s.r_start
      ELSE max(COALESCE(min(s.r_end, c.removed_at), s.r_end, c.removed_at), s.r_start) END,
    '+9 hours') AS day,
  (CASE WHEN k = 0 THEN 1 ELSE -1 END) AS delta
FROM child c
  CROSS JOIN report_census_member_span s ON s.member_id = c.member_id
  CROSS JOIN (SELECT column1 AS k FROM (VALUES (0), (1)));

CREATE TABLE report_census_member_total (
  side TEXT NOT NULL,
  birth_key TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (side, birth_key)
) WITHOUT ROWID;

CREATE TABLE report_census_member_delta (
  day TEXT NOT NULL,
  side TEXT NOT NULL,
  birth_key TEXT NOT NULL,
  delta INTEGER NOT NULL,
  PRIMARY KEY (day, side, birth_key)
) WITHOUT ROWID;

CREATE TABLE report_census_child_total (
  birth_key TEXT NOT NULL PRIMARY KEY,
  count INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE report_census_child_delta (
  day TEXT NOT NULL,
  birth_key TEXT NOT NULL,
  delta INTEGER NOT NULL,
  PRIMARY KEY (day, birth_key)
) WITHOUT ROWID;

-- The members and children as they are.
INSERT INTO report_census_member_total (side, birth_key, count)
SELECT side, birth_key, SUM(delta) FROM report_census_member_event WHERE day IS NOT NULL
GROUP BY side, birth_key;
INSERT INTO report_census_member_delta (day, side, birth_key, delta)
SELECT day, side, birth_key, SUM(delta) FROM report_census_member_event WHERE day IS NOT NULL
GROUP BY day, side, birth_key;
INSERT INTO report_census_child_total (birth_key, count)
SELECT birth_key, SUM(delta) FROM report_census_child_event WHERE day IS NOT NULL
GROUP BY birth_key;
INSERT INTO report_census_child_delta (day, birth_key, delta)
SELECT day, birth_key, SUM(delta) FROM report_census_child_event WHERE day IS NOT NULL
GROUP BY day, birth_key;

-- Applying a child's or a member's contribution with a sign (+1 or -1), written once as INSTEAD
-- OF triggers. `WHERE` keeps SQLite from reading ON CONFLICT as a join constraint. Rows can
-- drop to zero: readers add them up, so a zero row changes nothing.
CREATE VIEW report_census_child_change AS SELECT NULL AS child_id, NULL AS sign;
CREATE TRIGGER report_census_child_change_apply INSTEAD OF INSERT ON report_census_child_change
BEGIN
  INSERT INTO report_census_child_total (birth_key, count)
  SELECT birth_key, NEW.sign * delta FROM report_census_child_event
  WHERE child_id = NEW.child_id AND day IS NOT NULL
  ON CONFLICT (birth_key) DO UPDATE SET count = count + excluded.count;
  INSERT INTO report_census_child_delta (day, birth_key, delta)
  SELECT day, birth_key, NEW.sign * delta FROM report_census_child_event
  WHERE child_id = NEW.child_id AND day IS NOT NULL
  ON CONFLICT (day, birth_key) DO UPDATE SET delta = delta + excluded.delta;
END;

-- A member's own events and those of its children (who count with its requester side).
CREATE VIEW report_census_member_change AS SELECT NULL AS member_id, NULL AS sign;
CREATE TRIGGER report_census_member_change_apply INSTEAD OF INSERT ON report_census_member_change
BEGIN
  INSERT INTO report_census_member_total (side, birth_key, count)
  SELECT side, birth_key, NEW.sign * delta FROM report_census_member_event
  WHERE member_id = NEW.member_id AND day IS NOT NULL
  ON CONFLICT (side, birth_key) DO UPDATE SET count = count + excluded.count;
  INSERT INTO report_census_member_delta (day, side, birth_key, delta)
  SELECT day, side, birth_key, NEW.sign * delta FROM report_census_member_event
  WHERE member_id = NEW.member_id AND day IS NOT NULL
  ON CONFLICT (day, side, birth_key) DO UPDATE SET delta = delta + excluded.delta;
  INSERT INTO report_census_child_change (child_id, sign)
  SELECT id, NEW.sign FROM child WHERE member_id = NEW.member_id;
END;

-- Members: in when inserted, out before and back in after a change of what counts, out before
-- a delete.
CREATE TRIGGER report_census_member_insert AFTER INSERT ON member
BEGIN INSERT INTO report_census_member_change (member_id, sign) VALUES (NEW.id, 1); END;
CREATE TRIGGER report_census_member_update_out
  BEFORE UPDATE OF id, birth_date, requester_approved_at, helper_approved_at, withdrawn_at
  ON member
BEGIN INSERT INTO report_census_member_change (member_id, sign) VALUES (OLD.id, -1); END;
CREATE TRIGGER report_census_member_update_in
  AFTER UPDATE OF id, birth_date, requester_approved_at, helper_approved_at, withdrawn_at
  ON member
BEGIN INSERT INTO report_census_member_change (member_id, sign) VALUES (NEW.id, 1); END;
CREATE TRIGGER report_census_member_delete BEFORE DELETE ON member
BEGIN INSERT INTO report_census_member_change (member_id, sign) VALUES (OLD.id, -1); END;

-- Withdrawal events: the member's spans are recomputed around any change of one.
CREATE TRIGGER report_census_status_insert_out BEFORE INSERT ON member_status_event
  WHEN NEW.to_status = 'withdrawn'
BEGIN INSERT INTO report_census_member_change (member_id, sign) VALUES (NEW.member_id, -1); END;
CREATE TRIGGER report_census_status_insert_in AFTER INSERT ON member_status_event
  WHEN NEW.to_status = 'withdrawn'
BEGIN INSERT INTO report_census_member_change (member_id, sign) VALUES (NEW.member_id, 1); END;
-- An event moved to another member changes both members (UNION: once when it stays).
CREATE TRIGGER report_census_status_update_out
  BEFORE UPDATE OF member_id, side, to_status, at ON member_status_event
  WHEN OLD.to_status = 'withdrawn' OR NEW.to_status = 'withdrawn'
BEGIN
  INSERT INTO report_census_member_change (member_id, sign)
  SELECT OLD.member_id, -1 UNION SELECT NEW.member_id, -1;
END;
CREATE TRIGGER report_census_status_update_in
  AFTER UPDATE OF member_id, side, to_status, at ON member_status_event
  WHEN OLD.to_status = 'withdrawn' OR NEW.to_status = 'withdrawn'
BEGIN
  INSERT INTO report_census_member_change (member_id, sign)
  SELECT OLD.member_id, 1 UNION SELECT NEW.member_id, 1;
END;
CREATE TRIGGER report_census_status_delete_out BEFORE DELETE ON member_status_event
  WHEN OLD.to_status = 'withdrawn'
BEGIN INSERT INTO report_census_member_change (member_id, sign) VALUES (OLD.member_id, -1); END;
CREATE TRIGGER report_census_status_delete_in AFTER DELETE ON member_status_event
  WHEN OLD.to_status = 'withdrawn'
BEGIN INSERT INTO report_census_member_change (member_id, sign) VALUES (OLD.member_id, 1); END;

-- Children.
CREATE TRIGGER report_census_child_insert AFTER INSERT ON child
BEGIN INSERT INTO report_census_child_change (child_id, sign) VALUES (NEW.id, 1); END;
CREATE TRIGGER report_census_child_update_out
  BEFORE UPDATE OF id, member_id, birth_date, removed_at ON child
BEGIN INSERT INTO report_census_child_change (child_id, sign) VALUES (OLD.id, -1); END;
CREATE TRIGGER report_census_child_update_in
  AFTER UPDATE OF id, member_id, birth_date, removed_at ON child
BEGIN INSERT INTO report_census_child_change (child_id, sign) VALUES (NEW.id, 1); END;
CREATE TRIGGER report_census_child_delete BEFORE DELETE ON child
BEGIN INSERT INTO report_census_child_change (child_id, sign) VALUES (OLD.id, -1); END;

-- New members of a period (reports.queries.ts, countNewMembers) by their first approval, either
-- side: an index on that expression (the query writes it the same way) reads the period's few
-- rows instead of every member.
CREATE INDEX member_first_approved ON member (
  min(COALESCE(requester_approved_at, helper_approved_at),
    COALESCE(helper_approved_at, requester_approved_at)),
  kind);
