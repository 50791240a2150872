-- Issue #19 point 1: an incident's photos and documents (a photo of the injury or the damage, a
-- hospital's receipt, a police report). The file itself is kept outside the database (a
-- directory on Node, an R2 bucket on Workers) under `file_key`; this row says what it is, who
-- uploaded it and when. Removing an attachment deletes the file but keeps the row (deleted_at,
-- deleted_by) for the history of the case.
CREATE TABLE incident_attachment (
  id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL REFERENCES incident (id),
  file_key TEXT NOT NULL UNIQUE,
  file_name TEXT NOT NULL,
  -- The type the bytes were recognised as (magic bytes), not the one the upload claimed.
  content_type TEXT NOT NULL
    CHECK (content_type IN ('image/jpeg', 'image/png', 'image/heic', 'image/heif', 'application/pdf')),
  size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
  kind TEXT NOT NULL CHECK (kind IN ('photo', 'document')),
  description TEXT,
  uploaded_by TEXT NOT NULL REFERENCES user (id),
  uploaded_at TEXT NOT NULL,
  deleted_at TEXT,
  deleted_by TEXT REFERENCES user (id),
  CHECK ((deleted_at IS NULL) = (deleted_by IS NULL))
);
CREATE INDEX incident_attachment_incident ON incident_attachment (incident_id, uploaded_at);
