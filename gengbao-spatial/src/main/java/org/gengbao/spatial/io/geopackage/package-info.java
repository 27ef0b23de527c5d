/**
 * GeoPackage (OGC 12-128, the SQLite-based {@code .gpkg}) feature tables.
 *
 * <p>{@link org.gengbao.spatial.io.geopackage.GeoPackageReader} reads one feature table through a read-only SQLite
 * (xerial sqlite-jdbc) connection, streaming rows from a single query; it does not use NGA's DAO layer, so tables
 * written by GDAL, QGIS, ArcGIS or NGA with any SQLite column types are read alike.
 * {@link org.gengbao.spatial.io.geopackage.GeoPackageWriter} uses NGA GeoPackage for the bookkeeping — file creation,
 * {@code gpkg_spatial_ref_sys}, {@code gpkg_contents}, {@code gpkg_geometry_columns}, the R-tree extension — and plain
 * batched JDBC inserts for the rows, so one file can hold several layers and 100 000 parcels are written in a few
 * seconds.
 *
 * <p>Geometry blobs are encoded and decoded directly (GeoPackage header + WKB through JTS), see
 * {@code GpkgGeometryCodec}; spatial reference rows are written with GDAL's own WKT for the CGCS2000 EPSG codes and
 * recognised by EPSG code, authority or name, see {@code SrsDefinitions}. Files written here pass GDAL's
 * {@code validate_gpkg.py} and open in GDAL 3.6 without warnings (they declare GeoPackage 1.3).
 */
package org.gengbao.spatial.io.geopackage;
