-- Performance at city scale (docs/performance.md): indexes for the candidate ranking, and a
-- stamp that tells the matching cache when helper qualifications may have changed.

-- Candidate ranking reads, for every request, the assignments overlapping it and the helpers'
-- recent workload (status, starts_at range, grouped by helper). With helper and end in the
-- index both are answered from the index alone, without touching 25,000 table rows; it
-- replaces care_request_status_start (its prefix).
CREATE INDEX care_request_status_start_helper
  ON care_request (status, starts_at, helper_member_id, ends_at);
DROP INDEX care_request_status_start;

-- One row: a random token replaced by triggers whenever anything the qualification engine reads
-- changes (training records, the curriculum, a helper's status). The matching eligibility cache
-- (src/modules/trainings/qualification.service.ts) keys on it, so it is never stale, on Node or
-- on D1, whichever code path (or a manual SQL fix) made the change. Random rather than a counter
-- so that a recreated database never repeats a token a process has cached.
CREATE TABLE qualification_stamp (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  token TEXT NOT NULL
);
INSERT INTO qualification_stamp (id, token) VALUES (1, lower(hex(randomblob(16))));

CREATE TRIGGER qualification_stamp_record_insert AFTER INSERT ON training_record
BEGIN UPDATE qualification_stamp SET token = lower(hex(randomblob(16))) WHERE id = 1; END;
CREATE TRIGGER qualification_stamp_record_update AFTER UPDATE ON training_record
BEGIN UPDATE qualification_stamp SET token = lower(hex(randomblob(16))) WHERE id = 1; END;
CREATE TRIGGER qualification_stamp_record_delete AFTER DELETE ON training_record
BEGIN UPDATE qualification_stamp SET token = lower(hex(randomblob(16))) WHERE id = 1; END;
CREATE TRIGGER qualification_stamp_module_insert AFTER INSERT ON training_module
BEGIN UPDATE qualification_stamp SET token = lower(hex(randomblob(16))) WHERE id = 1; END;
CREATE TRIGGER qualification_stamp_module_update AFTER UPDATE ON training_module
BEGIN UPDATE qualification_stamp SET token = lower(hex(randomblob(16))) WHERE id = 1; END;
CREATE TRIGGER qualification_stamp_module_delete AFTER DELETE ON training_module
BEGIN UPDATE qualification_stamp SET token = lower(hex(randomblob(16))) WHERE id = 1; END;
CREATE TRIGGER qualification_stamp_member_insert AFTER INSERT ON member
BEGIN UPDATE qualification_stamp SET token = lower(hex(randomblob(16))) WHERE id = 1; END;
CREATE TRIGGER qualification_stamp_member_status AFTER UPDATE OF helper_status, kind ON member
BEGIN UPDATE qualification_stamp SET token = lower(hex(randomblob(16))) WHERE id = 1; END;
CREATE TRIGGER qualification_stamp_member_delete AFTER DELETE ON member
BEGIN UPDATE qualification_stamp SET token = lower(hex(randomblob(16))) WHERE id = 1; END;

-- The ranking reads every helper's slots for the request's weekday: covering, so the ~3,000 rows
-- come from the index without a table lookup each. Replaces availability_slot_weekday (prefix).
CREATE INDEX availability_slot_weekday_cover
  ON availability_slot (weekday, member_id, start_time, end_time);
DROP INDEX availability_slot_weekday;



-- Tokens for the ranking's other caches (src/modules/requests/matching-cache.ts), replaced by
-- triggers like qualification_stamp: 'helpers' when a member or a weekly slot changes (the
-- helper profiles and their week), 'workload' when a request's status, helper or time changes
-- (the 90-day workload counts).
CREATE TABLE matching_stamp (
  topic TEXT PRIMARY KEY CHECK (topic IN ('helpers', 'workload')),
  token TEXT NOT NULL
);
INSERT INTO matching_stamp (topic, token) VALUES
  ('helpers', lower(hex(randomblob(16)))),
  ('workload', lower(hex(randomblob(16))));

CREATE TRIGGER matching_stamp_member_insert AFTER INSERT ON member
BEGIN UPDATE matching_stamp SET token = lower(hex(randomblob(16))) WHERE topic = 'helpers'; END;
CREATE TRIGGER matching_stamp_member_update AFTER UPDATE ON member
BEGIN UPDATE matching_stamp SET token = lower(hex(randomblob(16))) WHERE topic = 'helpers'; END;
CREATE TRIGGER matching_stamp_member_delete AFTER DELETE ON member
BEGIN UPDATE matching_stamp SET token = lower(hex(randomblob(16))) WHERE topic = 'helpers'; END;
CREATE TRIGGER matching_stamp_slot_insert AFTER INSERT ON availability_slot
BEGIN UPDATE matching_stamp SET token = lower(hex(randomblob(16))) WHERE topic = 'helpers'; END;
CREATE TRIGGER matching_stamp_slot_update AFTER UPDATE ON availability_slot
BEGIN UPDATE matching_stamp SET token = lower(hex(randomblob(16))) WHERE topic = 'helpers'; END;
CREATE TRIGGER matching_stamp_slot_delete AFTER DELETE ON availability_slot
BEGIN UPDATE matching_stamp SET token = lower(hex(randomblob(16))) WHERE topic = 'helpers'; END;
CREATE TRIGGER matching_stamp_request_insert AFTER INSERT ON care_request
BEGIN UPDATE matching_stamp SET token = lower(hex(randomblob(16))) WHERE topic = 'workload'; END;
CREATE TRIGGER matching_stamp_request_update
  AFTER UPDATE OF status, helper_member_id, starts_at, ends_at ON care_request
BEGIN UPDATE matching_stamp SET token = lower(hex(randomblob(16))) WHERE topic = 'workload'; END;
CREATE TRIGGER matching_stamp_request_delete AFTER DELETE ON care_request
BEGIN UPDATE matching_stamp SET token = lower(hex(randomblob(16))) WHERE topic = 'workload'; END;
