-- Report totals per Tokyo day (docs/performance.md, docs/decisions/2026-11-22-report-totals.md).
-- A fiscal-year report used to read ~100,000 approved activities, their categories and children
-- for every figure. These three tables hold the same sums per day instead, so a report reads at
-- most a few thousand rows. Triggers keep them exact, on Node and on D1, whichever code path
-- (or a manual SQL fix) approves, edits, reopens or deletes an activity or changes a child's
-- birth date: every change first takes the old rows' contribution out (BEFORE, while the old
-- values are still in the tables) and then puts the new one in (AFTER).
--
-- Only approved activities count. The expressions are those of
-- src/modules/reports/report-bands.ts (Tokyo date, time band, whole minutes, child age band);
-- test/modules/report-totals.test.ts checks the tables against a recount from the base tables.

-- What each approved activity adds, per table. Views, so each expression is written once.
CREATE VIEW report_activity_contribution AS
SELECT a.id AS activity_id,
  date(a.started_at, '+9 hours') AS day,
  (CASE
    WHEN strftime('%H:%M', a.started_at, '+9 hours') < '07:00' THEN 'early'
    WHEN strftime('%H:%M', a.started_at, '+9 hours') < '17:00' THEN 'daytime'
    WHEN strftime('%H:%M', a.started_at, '+9 hours') < '19:00' THEN 'evening'
    ELSE 'night' END) AS band,
  CAST(ROUND((julianday(a.ended_at) - julianday(a.started_at)) * 1440) AS INTEGER) AS minutes,
  a.fee_total AS fees, a.transport_cost AS transport, a.meal_cost AS meal
FROM activity a WHERE a.status = 'approved';

-- CROSS JOIN fixes the join order: from the category or child row to its activity by primary
-- key. Left to itself the planner may scan every approved activity per trigger call.
CREATE VIEW report_category_contribution AS
SELECT ac.activity_id, ac.category, v.day, v.minutes, v.fees
FROM activity_category ac
  CROSS JOIN report_activity_contribution v ON v.activity_id = ac.activity_id;

-- The child's age band on the activity's Tokyo date: school grade first (born April 2 to
-- April 1 share a grade), then completed years.
CREATE VIEW report_child_contribution AS
SELECT activity_id, child_id, day, minutes,
  (CASE
    WHEN grade >= 7 THEN 'older'
    WHEN grade >= 4 THEN 'elementary4to6'
    WHEN grade >= 1 THEN 'elementary1to3'
    WHEN age >= 3 THEN 'age3to5'
    WHEN age >= 1 THEN 'age1to2'
    ELSE 'age0' END) AS band
FROM (
  SELECT x.activity_id, x.child_id, v.day, v.minutes,
    (CAST(substr(v.day, 1, 4) AS INTEGER) - (CASE WHEN substr(v.day, 6, 2) < '04' THEN 1 ELSE 0 END))
      - (CAST(substr(c.birth_date, 1, 4) AS INTEGER)
        - (CASE WHEN substr(c.birth_date, 6, 5) <= '04-01' THEN 1 ELSE 0 END)) - 6 AS grade,
    CAST(substr(v.day, 1, 4) AS INTEGER) - CAST(substr(c.birth_date, 1, 4) AS INTEGER)
      - (CASE WHEN substr(v.day, 6, 5) < substr(c.birth_date, 6, 5) THEN 1 ELSE 0 END) AS age
  FROM activity_child x
    CROSS JOIN report_activity_contribution v ON v.activity_id = x.activity_id
    CROSS JOIN child c ON c.id = x.child_id
);

-- The totals. A row can drop to zero (an approval undone); readers skip zero rows.
CREATE TABLE report_day_total (
  day TEXT NOT NULL,
  band TEXT NOT NULL,
  count INTEGER NOT NULL,
  minutes INTEGER NOT NULL,
  fees INTEGER NOT NULL,
  transport INTEGER NOT NULL,
  meal INTEGER NOT NULL,
  PRIMARY KEY (day, band)
) WITHOUT ROWID;

CREATE TABLE report_category_total (
  day TEXT NOT NULL,
  category INTEGER NOT NULL,
  count INTEGER NOT NULL,
  minutes INTEGER NOT NULL,
  fees INTEGER NOT NULL,
  PRIMARY KEY (day, category)
) WITHOUT ROWID;

CREATE TABLE report_child_band_total (
  day TEXT NOT NULL,
  band TEXT NOT NULL,
  count INTEGER NOT NULL,
  minutes INTEGER NOT NULL,
  PRIMARY KEY (day, band)
) WITHOUT ROWID;

-- The activities already approved.
INSERT INTO report_day_total (day, band, count, minutes, fees, transport, meal)
SELECT day, band, COUNT(*), SUM(minutes), SUM(fees), SUM(transport), SUM(meal)
FROM report_activity_contribution GROUP BY day, band;
INSERT INTO report_category_total (day, category, count, minutes, fees)
SELECT day, category, COUNT(*), SUM(minutes), SUM(fees)
FROM report_category_contribution GROUP BY day, category;
INSERT INTO report_child_band_total (day, band, count, minutes)
SELECT day, band, COUNT(*), SUM(minutes) FROM report_child_contribution GROUP BY day, band;

-- Applying a contribution with a sign (+1 or -1) goes through these INSTEAD OF triggers, so the
-- upserts are written once. `WHERE true` keeps SQLite from reading ON CONFLICT as a join.
CREATE VIEW report_category_change AS SELECT NULL AS activity_id, NULL AS category, NULL AS sign;
CREATE TRIGGER report_category_change_apply INSTEAD OF INSERT ON report_category_change
BEGIN
  INSERT INTO report_category_total (day, category, count, minutes, fees)
  SELECT day, category, NEW.sign, NEW.sign * minutes, NEW.sign * fees
  FROM report_category_contribution
  WHERE activity_id = NEW.activity_id AND category = NEW.category
  ON CONFLICT (day, category) DO UPDATE SET count = count + excluded.count,
    minutes = minutes + excluded.minutes, fees = fees + excluded.fees;
END;

-- `activity_id` NULL: every approved activity of that child (a corrected birth date).
CREATE VIEW report_child_change AS
SELECT NULL AS activity_id, NULL AS child_id, NULL AS sign;
CREATE TRIGGER report_child_change_apply INSTEAD OF INSERT ON report_child_change
BEGIN
  INSERT INTO report_child_band_total (day, band, count, minutes)
  SELECT day, band, NEW.sign, NEW.sign * minutes FROM report_child_contribution
  WHERE NEW.activity_id IS NOT NULL AND activity_id = NEW.activity_id AND child_id = NEW.child_id
  ON CONFLICT (day, band) DO UPDATE SET count = count + excluded.count,
    minutes = minutes + excluded.minutes;
  INSERT INTO report_child_band_total (day, band, count, minutes)
  SELECT day, band, NEW.sign, NEW.sign * minutes FROM report_child_contribution
  WHERE NEW.activity_id IS NULL AND child_id = NEW.child_id
  ON CONFLICT (day, band) DO UPDATE SET count = count + excluded.count,
    minutes = minutes + excluded.minutes;
END;


CREATE VIEW report_activity_change AS SELECT NULL AS activity_id, NULL AS sign;
CREATE TRIGGER report_activity_change_apply INSTEAD OF INSERT ON report_activity_change
BEGIN
  INSERT INTO report_day_total (day, band, count, minutes, fees, transport, meal)
  SELECT day, band, NEW.sign, NEW.sign * minutes, NEW.sign * fees, NEW.sign * transport,
    NEW.sign * meal
  FROM report_activity_contribution WHERE activity_id = NEW.activity_id
  ON CONFLICT (day, band) DO UPDATE SET count = count + excluded.count,
    minutes = minutes + excluded.minutes, fees = fees + excluded.fees,
    transport = transport + excluded.transport, meal = meal + excluded.meal;
  INSERT INTO report_category_change (activity_id, category, sign)
  SELECT activity_id, category, NEW.sign FROM activity_category
  WHERE activity_id = NEW.activity_id;
  INSERT INTO report_child_change (activity_id, child_id, sign)
  SELECT activity_id, child_id, NEW.sign FROM activity_child
  WHERE activity_id = NEW.activity_id;
END;

-- Activities: in when inserted approved, out before and back in after a change of what counts,
-- out before a delete.
CREATE TRIGGER report_activity_insert AFTER INSERT ON activity WHEN NEW.status = 'approved'
BEGIN INSERT INTO report_activity_change (activity_id, sign) VALUES (NEW.id, 1); END;
CREATE TRIGGER report_activity_update_out
  BEFORE UPDATE OF status, started_at, ended_at, fee_total, transport_cost, meal_cost ON activity
  WHEN OLD.status = 'approved'
BEGIN INSERT INTO report_activity_change (activity_id, sign) VALUES (OLD.id, -1); END;
CREATE TRIGGER report_activity_update_in
  AFTER UPDATE OF status, started_at, ended_at, fee_total, transport_cost, meal_cost ON activity
  WHEN NEW.status = 'approved'
BEGIN INSERT INTO report_activity_change (activity_id, sign) VALUES (NEW.id, 1); END;
CREATE TRIGGER report_activity_delete BEFORE DELETE ON activity WHEN OLD.status = 'approved'
BEGIN INSERT INTO report_activity_change (activity_id, sign) VALUES (OLD.id, -1); END;

-- An approved activity's categories and children (the views count approved ones only).
CREATE TRIGGER report_category_insert AFTER INSERT ON activity_category
BEGIN
  INSERT INTO report_category_change (activity_id, category, sign)
  VALUES (NEW.activity_id, NEW.category, 1);
END;
CREATE TRIGGER report_category_update_out BEFORE UPDATE ON activity_category
BEGIN
  INSERT INTO report_category_change (activity_id, category, sign)
  VALUES (OLD.activity_id, OLD.category, -1);
END;
CREATE TRIGGER report_category_update_in AFTER UPDATE ON activity_category
BEGIN
  INSERT INTO report_category_change (activity_id, category, sign)
  VALUES (NEW.activity_id, NEW.category, 1);
END;
CREATE TRIGGER report_category_delete BEFORE DELETE ON activity_category
BEGIN
  INSERT INTO report_category_change (activity_id, category, sign)
  VALUES (OLD.activity_id, OLD.category, -1);
END;

CREATE TRIGGER report_child_insert AFTER INSERT ON activity_child
BEGIN
  INSERT INTO report_child_change (activity_id, child_id, sign)
  VALUES (NEW.activity_id, NEW.child_id, 1);
END;
CREATE TRIGGER report_child_update_out BEFORE UPDATE ON activity_child
BEGIN
  INSERT INTO report_child_change (activity_id, child_id, sign)
  VALUES (OLD.activity_id, OLD.child_id, -1);
END;
CREATE TRIGGER report_child_update_in AFTER UPDATE ON activity_child
BEGIN
  INSERT INTO report_child_change (activity_id, child_id, sign)
  VALUES (NEW.activity_id, NEW.child_id, 1);
END;
CREATE TRIGGER report_child_delete BEFORE DELETE ON activity_child
BEGIN
  INSERT INTO report_child_change (activity_id, child_id, sign)
  VALUES (OLD.activity_id, OLD.child_id, -1);
END;

-- A corrected birth date moves every approved activity of that child to its new band.
CREATE TRIGGER report_child_birth_date_out BEFORE UPDATE OF birth_date ON child
BEGIN
  INSERT INTO report_child_change (activity_id, child_id, sign)
  VALUES (NULL, OLD.id, -1);
END;
CREATE TRIGGER report_child_birth_date_in AFTER UPDATE OF birth_date ON child
BEGIN
  INSERT INTO report_child_change (activity_id, child_id, sign)
  VALUES (NULL, NEW.id, 1);
END;
