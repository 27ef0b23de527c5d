package org.gengbao.spatial.io;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as read from a file.
 *
 * @param index 0-based position in the file
 * @param geometry in the source's coordinate system; {@code null} for a null shape
 * @param attributes column name → value, in file column order; values are {@link String} (trimmed, never empty),
 *     {@link Long}, {@link java.math.BigDecimal}, {@link java.time.LocalDate}, {@link Boolean} or {@code null}
 */
public record SourceFeature(long index, Geometry geometry, Map<String, Object> attributes) {}
