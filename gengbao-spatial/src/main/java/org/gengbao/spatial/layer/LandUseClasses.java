package org.gengbao.spatial.layer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gengbao.spatial.io.ResourceTable;

/** The land-use classification table ({@code land-use-classes.csv}), by DLBM code. */
public final class LandUseClasses {
    /** Four characters (09 is written "09" or "0900"), optionally followed by survey suffix letters (K, A, …). */
    private static final Pattern CODE = Pattern.compile("^(\\d{2}|\\d{2}[0-9A-Z]{2})[A-Z]{0,2}$");

    private static final Map<String, LandUseClass> BY_CODE = load();

    private LandUseClasses() {}

    private static Map<String, LandUseClass> load() {
        Map<String, LandUseClass> m = new LinkedHashMap<>();
        for (String[] f : ResourceTable.rows(LandUseClasses.class, "land-use-classes.csv")) {
            m.put(f[0], new LandUseClass(f[0], f[1], f[2], LandUseClass.Category.valueOf(f[3])));
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Whether {@code code} has the shape of a DLBM code (known or not). */
    public static boolean isWellFormed(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** The class of a code, ignoring survey suffixes ("0201K" → 0201 orchard); empty for unknown codes. */
    public static Optional<LandUseClass> lookup(String code) {
        if (code == null) {
            return Optional.empty();
        }
        LandUseClass exact = BY_CODE.get(code);
        if (exact != null) {
            return Optional.of(exact);
        }
        if (code.startsWith("09")) {
            return Optional.ofNullable(BY_CODE.get("09"));
        }
        return code.length() > 4 ? Optional.ofNullable(BY_CODE.get(code.substring(0, 4))) : Optional.empty();
    }

    public static boolean isCultivated(String code) {
        return code != null && (code.startsWith("0101") || code.startsWith("0102") || code.startsWith("0103"));
    }

    public static Collection<LandUseClass> all() {
        return BY_CODE.values();
    }
}
