package org.gengbao.server.map;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gengbao.spatial.io.ResourceTable;
import org.gengbao.spatial.layer.LandUseClass;
import org.gengbao.spatial.layer.LandUseClasses;

/**
 * The map colour of each land-use class, from {@code land-use-colours.csv} (which names the convention it follows and
 * what is still to be verified). Every class of the classification table has a colour (checked when loaded); a code
 * the table does not know is drawn in a neutral grey.
 */
final class LandUseColours {
    /** The fill of parcels whose code is not in the classification. */
    static final String UNKNOWN = "#D0D0D0";

    private static final Map<String, String> BY_CODE = load();

    private LandUseColours() {}

    /** The colour of a DLBM code as delivered ("0201K" takes 0201's colour). */
    static String of(String code) {
        return LandUseClasses.lookup(code).map(c -> BY_CODE.get(c.code())).orElse(UNKNOWN);
    }

    /** Colours by class code, in the order of the classification table. */
    static Map<String, String> all() {
        return BY_CODE;
    }

    private static Map<String, String> load() {
        Map<String, String> read = new LinkedHashMap<>();
        for (String[] f : ResourceTable.rows(LandUseColours.class, "land-use-colours.csv")) {
            if (f.length != 2 || !f[1].matches("#[0-9A-F]{6}")) {
                throw new IllegalStateException("land-use-colours.csv: bad line " + String.join(",", f));
            }
            read.put(f[0], f[1]);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (LandUseClass c : LandUseClasses.all()) {
            String colour = read.remove(c.code());
            if (colour == null) {
                throw new IllegalStateException("land-use-colours.csv has no colour for " + c.code());
            }
            ordered.put(c.code(), colour);
        }
        if (!read.isEmpty()) {
            throw new IllegalStateException("land-use-colours.csv colours unknown classes " + read.keySet());
        }
        return Collections.unmodifiableMap(ordered);
    }
}
