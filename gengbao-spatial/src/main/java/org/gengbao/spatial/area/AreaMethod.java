package org.gengbao.spatial.area;

/** How an area is measured. Only the first two are ellipsoidal; reported areas use {@link #ELLIPSOIDAL_TRAPEZOID}. */
public enum AreaMethod {
    /** The national ellipsoidal-trapezoid formula (国土调查办发〔2008〕32号) on CGCS2000: the reported area. */
    ELLIPSOIDAL_TRAPEZOID,
    /** GeographicLib's geodesic polygon area on CGCS2000 (edges are geodesics), as PostGIS ST_Area(geography). */
    GEODESIC,
    /** Flat area in the Gauss-Krüger plane; a diagnostic, never a reported figure. */
    PLANAR
}
