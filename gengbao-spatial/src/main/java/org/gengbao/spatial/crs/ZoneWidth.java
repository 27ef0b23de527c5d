package org.gengbao.spatial.crs;

/** Width of a Gauss-Krüger zone: China's large-scale surveys use 3-degree zones, small scales 6-degree zones. */
public enum ZoneWidth {
    THREE_DEGREE(3),
    SIX_DEGREE(6);

    private final int degrees;

    ZoneWidth(int degrees) {
        this.degrees = degrees;
    }

    public int degrees() {
        return degrees;
    }
}
