package org.gengbao.spatial.layer;

import java.util.Map;

/**
 * A planning zone code within its scheme.
 *
 * @param scheme the attribute the code comes from: {@link #CONSTRUCTION_CONTROL} (GZQLXDM) or {@link #LAND_USE_ZONE}
 *     (TDYTQLXDM) of the county land-use master plan (TD/T 1027)
 * @param code e.g. "030"
 * @param name e.g. "限制建设区" (from the file, or the standard name of the code)
 */
public record PlanZone(String scheme, String code, String name) {
    /** 建设用地管制区类型代码. */
    public static final String CONSTRUCTION_CONTROL = "GZQLXDM";
    /** 土地用途区类型代码. */
    public static final String LAND_USE_ZONE = "TDYTQLXDM";

    private static final Map<String, String> CONSTRUCTION_CONTROL_NAMES =
            Map.of("010", "允许建设区", "020", "有条件建设区", "030", "限制建设区", "040", "禁止建设区");
    /** Names of TDYTQLXDM codes per TD/T 1027-2010 (verify against the county's plan database). */
    private static final Map<String, String> LAND_USE_ZONE_NAMES = Map.of(
            "010", "基本农田保护区",
            "020", "一般农地区",
            "030", "城镇村建设用地区",
            "040", "独立工矿区",
            "050", "风景旅游用地区",
            "060", "生态环境安全控制区",
            "070", "自然与文化遗产保护区",
            "080", "林业用地区",
            "090", "牧业用地区");

    private static final Map<String, String> CONSTRUCTION_CONTROL_NAMES_EN = Map.of(
            "010", "construction allowed zone",
            "020", "conditional construction zone",
            "030", "restricted construction zone",
            "040", "construction forbidden zone");
    private static final Map<String, String> LAND_USE_ZONE_NAMES_EN = Map.of(
            "010", "basic farmland protection zone",
            "020", "general farmland zone",
            "030", "urban and village construction zone",
            "040", "independent industrial and mining zone",
            "050", "scenic and tourism zone",
            "060", "ecological safety control zone",
            "070", "natural and cultural heritage zone",
            "080", "forestry zone",
            "090", "pasture zone");

    /** The English name of a code in a scheme, or {@code null} when not known. */
    public static String standardNameEn(String scheme, String code) {
        return switch (scheme) {
            case CONSTRUCTION_CONTROL -> CONSTRUCTION_CONTROL_NAMES_EN.get(code);
            case LAND_USE_ZONE -> LAND_USE_ZONE_NAMES_EN.get(code);
            default -> null;
        };
    }

    /** The standard name of a code in a scheme, or {@code null} when not known. */
    public static String standardName(String scheme, String code) {
        return switch (scheme) {
            case CONSTRUCTION_CONTROL -> CONSTRUCTION_CONTROL_NAMES.get(code);
            case LAND_USE_ZONE -> LAND_USE_ZONE_NAMES.get(code);
            default -> null;
        };
    }

    /** "GZQLXDM:030", the key rules use. */
    public String key() {
        return scheme + ":" + code;
    }
}
