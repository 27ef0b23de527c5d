package org.gengbao.spatial.io;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.gengbao.spatial.crs.Crs;

/**
 * A stream of features from one file (one layer/table). Not thread-safe. Problems with the file itself are
 * {@link org.gengbao.spatial.SpatialInputException}s with a stable code; I/O failures are {@link IOException}s.
 */
public interface FeatureSource extends AutoCloseable {

    /** The coordinate system the file declares (.prj, GeoPackage srs, GeoJSON crs); empty if it declares none. */
    Optional<Crs> declaredCrs();

    /** The attribute columns, in file order. */
    List<FieldDef> fields();

    /** The number of features, when the format knows it up front (-1 otherwise). */
    long size();

    /** The next feature, or {@code null} after the last one. */
    SourceFeature next() throws IOException;

    @Override
    void close() throws IOException;
}
