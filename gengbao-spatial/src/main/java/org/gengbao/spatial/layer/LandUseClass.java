package org.gengbao.spatial.layer;

/**
 * A class of the third national land survey's working classification (三调工作分类).
 *
 * @param code DLBM, e.g. "0103"; survey data may add a suffix (K adjustable, A aquaculture pond) which {@link
 *     LandUseClasses#lookup} strips for the name
 */
public record LandUseClass(String code, String nameZh, String nameEn, Category category) {

    /** Groups that matter for farmland protection. */
    public enum Category {
        /** 耕地 0101/0102/0103: the land the criminal and accountability thresholds are about. */
        CULTIVATED,
        PLANTATION,
        FOREST,
        GRASSLAND,
        WETLAND,
        /** Built-up land, including special use, hydraulic structures and vacant land. */
        CONSTRUCTION,
        TRANSPORT,
        WATER,
        /** Rural roads, ditches, facility agricultural land and field ridges: agricultural but not cultivated. */
        OTHER_AGRICULTURAL,
        UNUSED
    }

    public boolean isCultivated() {
        return category == Category.CULTIVATED;
    }
}
