-- Issue 4 uploads: how each observation came to its clue (it created the clue, or was linked to an open one), the
-- analysis made of its own outline, and the corrections of a record.
ALTER TABLE clue_observation ADD COLUMN created_clue BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE clue_observation ADD COLUMN analysis_id VARCHAR(36);
CREATE INDEX patrol_record_corrects ON patrol_record (corrects);
CREATE INDEX patrol_photo_sha ON patrol_photo (sha256);
