/**
 * ESRI Shapefile reading ({@link org.gengbao.spatial.io.shapefile.ShapefileReader}, plain or zipped) and writing
 * ({@link org.gengbao.spatial.io.shapefile.ShapefileWriter}), in plain Java after the ESRI Shapefile Technical
 * Description (1998) and dBASE III+.
 *
 * <h2>Text encoding</h2>
 *
 * County data is mostly GBK (ArcGIS on Chinese Windows), increasingly UTF-8 (QGIS/GDAL). The reader takes, in order:
 * the encoding the user names (command-line {@code --encoding}), the .cpg file, an East Asian dBASE language driver id
 * (0x4D = code page 936), and otherwise detects UTF-8 versus GBK from a sample of the text. GBK is read as GB18030, its
 * superset. Decoding is strict: bytes that are not valid in the chosen encoding are an {@code ENCODING_MISMATCH} error
 * naming field, record and encoding, never replacement characters; UTF-8 text declared as GBK (which would decode into
 * rare characters rather than fail) is recognised heuristically and reported the same way. Details in
 * {@link org.gengbao.spatial.io.shapefile.ShapefileEncoding} and
 * {@link org.gengbao.spatial.io.shapefile.FieldTextDecoder}. The writer writes a .cpg, plus language driver 0x4D for
 * GBK.
 *
 * <h2>Geometry</h2>
 *
 * Polygon rings follow the ESRI orientation: clockwise shells, counter-clockwise holes. The reader assigns each hole to
 * the smallest shell containing it and keeps holes outside every shell as shells (like GDAL), without repairing
 * anything — validation downstream reports invalid polygons. The writer normalises orientation whatever the input's.
 * Z and M are dropped; MultiPatch records are rejected. Null shapes are {@code null} geometries both ways.
 *
 * <h2>Coordinate systems</h2>
 *
 * The .prj is interpreted by {@link org.gengbao.spatial.io.shapefile.PrjFiles} from its datum and projection
 * parameters: CGCS2000 geographic and Gauss-Krüger zones (EPSG:4490, 4491–4554) and WGS 84 geographic (EPSG:4326) are
 * recognised; Beijing 1954, Xi'an 1980, other datums, other projections and non-standard central meridians are
 * {@code CRS_UNSUPPORTED}; unreadable text is {@code CRS_UNRECOGNISED}. No .prj means no declared system.
 *
 * <h2>What is rejected</h2>
 *
 * Missing .shp or .dbf ({@code SHAPEFILE_MISSING_SHP}, {@code SHAPEFILE_MISSING_DBF}); truncated or contradictory
 * files and differing record counts in .shp and .dbf ({@code SHAPEFILE_CORRUPT}, with the record number); unparseable
 * numbers, dates and logicals ({@code DBF_INVALID_VALUE}); archives that are no zip ({@code ZIP_INVALID}), hold no
 * shapefile ({@code ZIP_NOT_SHAPEFILE}) or several without a layer name ({@code ZIP_SEVERAL_SHAPEFILES},
 * {@code ZIP_LAYER_NOT_FOUND}), exceed the {@link org.gengbao.spatial.io.shapefile.ZipLimits} ({@code ZIP_BOMB}) or
 * contain absolute or ".." paths ({@code ZIP_UNSAFE_PATH}). Every such error is a
 * {@link org.gengbao.spatial.SpatialInputException} with Chinese and English messages naming the file.
 */
package org.gengbao.spatial.io.shapefile;
