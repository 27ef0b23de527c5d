package org.gengbao.server.grid;

/** The three levels of the grid; a cell's level follows from its administrative code. */
public enum GridLevel {
    COUNTY("县"),
    TOWN("镇（街道）"),
    VILLAGE("村（社区）");

    private final String nameZh;

    GridLevel(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /**
     * The level of a code: 6 digits a county, 9 digits or 12 digits ending in "000" a town, other 12-digit (or
     * 19-digit location) codes a village.
     */
    public static GridLevel ofCode(String code) {
        String c = GridScope.normalize(code);
        if (c.length() == 6) {
            return COUNTY;
        }
        return c.length() == 9 ? TOWN : VILLAGE;
    }
}
