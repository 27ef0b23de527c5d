package org.gengbao.spatial.overlay;

/** Area of the patch in one planning zone code of one scheme (GZQLXDM or TDYTQLXDM). */
public record PlanArea(String scheme, String code, String name, double m2) {
    public String key() {
        return scheme + ":" + code;
    }
}
