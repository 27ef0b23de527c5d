package org.gengbao.spatial.io;

import java.io.IOException;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes features with a fixed set of {@link FieldDef}s to one file/table. Attribute values follow the types of
 * {@link SourceFeature}; missing keys are written as null. Closing finishes the file.
 */
public interface FeatureWriter extends AutoCloseable {

    void write(Geometry geometry, Map<String, Object> attributes) throws IOException;

    @Override
    void close() throws IOException;
}
