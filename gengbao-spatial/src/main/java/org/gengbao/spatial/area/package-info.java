/**
 * Areas on the CGCS2000 ellipsoid, the areas Gengbao reports.
 *
 * <p>The reported area of a polygon is its <em>ellipsoidal area</em> (椭球面积) computed by the national method of
 * 国土调查办发〔2008〕32号 ({@link org.gengbao.spatial.area.EllipsoidalTrapezoidArea}): every vertex is inverse
 * projected to geodetic latitude B and longitude L, and each edge contributes an ellipsoidal trapezoid against a fixed
 * reference meridian, integrated with a series in the first eccentricity to e⁸. It is the area the third national land
 * survey prints in TBMJ, so figures can be checked against the survey.
 *
 * <p>{@link org.gengbao.spatial.area.GeodesicArea} (GeographicLib's geodesic polygon area, the method of PostGIS
 * {@code ST_Area(geography)}) is the independent cross-check; the two agree to better than 10⁻⁸ relative on parcels
 * (edges of metres to hundreds of metres), because they differ only in how an edge between two vertices is drawn.
 * {@link org.gengbao.spatial.area.AreaMethod#PLANAR} is the flat Gauss-Krüger area, never reported: in a zone it is
 * larger than the ellipsoidal area by the square of the projection's scale factor.
 *
 * <p>Areas are in square metres; {@link org.gengbao.spatial.area.AreaUnits} converts to mu (亩) and hectares.
 */
package org.gengbao.spatial.area;
