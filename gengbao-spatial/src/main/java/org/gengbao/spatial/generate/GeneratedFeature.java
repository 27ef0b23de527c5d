package org.gengbao.spatial.generate;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** A generated feature: geometry in the county's Gauss-Krüger system, attributes with the national names. */
public record GeneratedFeature(Geometry geometry, Map<String, Object> attributes) {}
