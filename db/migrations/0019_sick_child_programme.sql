-- Issue #20: the 病児・緊急対応強化事業 (sick-child and emergency programme). A request made in
-- the programme says which kind it is; NULL is an ordinary request (every ordinary rule applies).
-- The programme's settings (on/off, hours, partner institutions, exclusion checklist) are the
-- `programme` settings section and its rates are part of each fee table (valid-from): no table.
ALTER TABLE care_request ADD COLUMN programme TEXT CHECK (programme IN ('sick', 'emergency'));
