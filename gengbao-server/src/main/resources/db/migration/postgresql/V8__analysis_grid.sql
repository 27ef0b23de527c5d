-- The village an analysed patch lies in, so that a stored analysis is shown only within the grid scope of the caller
-- (and to whoever made it).
ALTER TABLE analysis ADD COLUMN grid_code VARCHAR(12);
CREATE INDEX analysis_grid ON analysis (grid_code);
