-- Issue 4, grid: signs get a number like markers; both keep the last reported note and who reported it; numbers are
-- unique per parcel.
ALTER TABLE protection_sign ADD COLUMN sign_no INT;
ALTER TABLE protection_sign ADD COLUMN note VARCHAR(1000);
ALTER TABLE protection_sign ADD COLUMN updated_by VARCHAR(64);
ALTER TABLE boundary_marker ADD COLUMN note VARCHAR(1000);
ALTER TABLE boundary_marker ADD COLUMN updated_by VARCHAR(64);
UPDATE protection_sign SET sign_no = 1 WHERE sign_no IS NULL;
CREATE UNIQUE INDEX protection_sign_no ON protection_sign (parcel_id, sign_no);
CREATE UNIQUE INDEX boundary_marker_no ON boundary_marker (parcel_id, marker_no);
