package org.gengbao.server.clues;

import java.time.OffsetDateTime;
import org.locationtech.jts.geom.Geometry;

/**
 * A suspected violation seen on patrol, as the clues need it.
 *
 * @param observationId the observation's client id (unique in the county)
 * @param recordId the patrol record it came with
 * @param reportedBy the account that uploaded it
 * @param geometry a Point or a Polygon in the county's working system (as accepted by the upload)
 * @param geoJson the same geometry as GeoJSON in longitude/latitude, as sent (analysed as given)
 * @param observedAt when it was seen
 */
public record Sighting(
        String observationId,
        String recordId,
        String reportedBy,
        Geometry geometry,
        String geoJson,
        OffsetDateTime observedAt) {}
