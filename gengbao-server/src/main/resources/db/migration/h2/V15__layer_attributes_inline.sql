-- Issue 6 (map tiles): a feature's attributes (JSON, a few hundred characters) are kept in the row instead of H2's
-- separate LOB store, where every CLOB over 256 characters went and cost a lookup per feature read — ten times the rest
-- of reading a land-use parcel. PostgreSQL keeps TEXT of this size in the row already.
ALTER TABLE layer_feature ALTER COLUMN attributes SET DATA TYPE CHARACTER VARYING(1000000);
