-- PostGIS must be available in the database (installed by the DBA or by the test command).
CREATE EXTENSION IF NOT EXISTS postgis;
