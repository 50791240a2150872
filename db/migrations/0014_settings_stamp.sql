-- The center settings are cached per process / isolate (src/modules/settings/settings.service.ts).
-- The cache is exact because this stamp, bumped by triggers on every change to `setting` whoever
-- makes it (another process, another isolate, a restore), is read with the session in the request
-- context query: a request uses the cache only when the cache was filled under the stamp it read.
CREATE TABLE settings_stamp (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO settings_stamp (id, version) VALUES (1, 1);

CREATE TRIGGER settings_stamp_insert AFTER INSERT ON setting
BEGIN UPDATE settings_stamp SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER settings_stamp_update AFTER UPDATE ON setting
BEGIN UPDATE settings_stamp SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER settings_stamp_delete AFTER DELETE ON setting
BEGIN UPDATE settings_stamp SET version = version + 1 WHERE id = 1; END;
