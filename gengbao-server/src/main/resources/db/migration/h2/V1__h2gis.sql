-- Spatial functions of H2GIS in the embedded database (ST_GeomFromWKB, ST_AsBinary, ST_Intersects, ...).
CREATE ALIAS IF NOT EXISTS H2GIS_SPATIAL FOR "org.h2gis.functions.factory.H2GISFunctions.load";
CALL H2GIS_SPATIAL();
