-- Indexes for the monthly and fiscal-year reports (src/modules/reports/reports.queries.ts).
-- Each report query reads one period range; these let SQLite answer it from the index alone
-- instead of visiting a table row per activity or request (a city has ~1,000,000 activities).

-- Approved activities of a period: count, minutes, fees and costs, per helper or family, and
-- the join keys, all from the index. It starts with (status, started_at), so it replaces
-- activity_status (its prefix).
CREATE INDEX activity_report_cover
  ON activity (status, started_at, ended_at, fee_total, transport_cost, meal_cost,
               helper_member_id, requester_member_id, id);
DROP INDEX activity_status;

-- Requests by planned start (received / matched / unfilled / cancelled, cancellation fees, and
-- the median time to match), covering.
CREATE INDEX care_request_report_cover
  ON care_request (starts_at, status, matched_at, created_at, cancelled_by_role, cancellation_fee);

-- Withdrawals of a period.
CREATE INDEX member_withdrawn ON member (withdrawn_at);
