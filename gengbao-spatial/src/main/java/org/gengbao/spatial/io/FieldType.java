package org.gengbao.spatial.io;

/** Attribute column types common to Shapefile (dBASE), GeoPackage and GeoJSON. */
public enum FieldType {
    /** Text; values are {@link String}. */
    STRING,
    /** Whole numbers; values are {@link Long}. */
    INTEGER,
    /** Decimal numbers with a fixed scale; values are {@link java.math.BigDecimal}. */
    DECIMAL,
    /** Calendar dates; values are {@link java.time.LocalDate}. */
    DATE
}
