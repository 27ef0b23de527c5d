/**
 * Reading and writing the vector formats counties deliver: Shapefile (plain or zipped, GBK common), GeoPackage and
 * GeoJSON. Readers yield {@link org.gengbao.spatial.io.SourceFeature}s in the file's own coordinate system, with
 * attribute values normalised to a few Java types (see {@link org.gengbao.spatial.io.SourceFeature}); what a feature
 * means is decided later by {@code layer.LayerImporter}.
 */
package org.gengbao.spatial.io;
