package org.gengbao.spatial.layer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a layer's standard attributes are found in a delivered file. By default a standard name (say PZRQ) is looked
 * up as itself and then as each of its known aliases, case-insensitively; an explicit mapping ({@code PZRQ=批准日期})
 * takes precedence.
 */
public final class FieldMapping {
    public static final FieldMapping STANDARD = new FieldMapping(Map.of());

    private final Map<String, String> explicit;

    private FieldMapping(Map<String, String> explicit) {
        this.explicit = Map.copyOf(explicit);
    }

    /** A mapping from standard names to the file's column names. */
    public static FieldMapping of(Map<String, String> standardToSource) {
        Map<String, String> m = new LinkedHashMap<>();
        standardToSource.forEach((k, v) -> m.put(k.toUpperCase(Locale.ROOT), v));
        return new FieldMapping(m);
    }

    /** Parses "PZRQ=批准日期,PZWH=文号" (also accepts one pair per line). */
    public static FieldMapping parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        if (text != null) {
            for (String pair : text.split("[,\\n]")) {
                if (pair.isBlank() || pair.trim().startsWith("#")) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq < 1) {
                    throw new org.gengbao.spatial.SpatialInputException(
                            "FIELD_MAPPING_INVALID",
                            "字段映射“" + pair.trim() + "”应写成 标准字段=文件字段",
                            "Field mapping \"" + pair.trim() + "\" must look like STANDARD=fileColumn");
                }
                m.put(
                        pair.substring(0, eq).trim().toUpperCase(Locale.ROOT),
                        pair.substring(eq + 1).trim());
            }
        }
        return new FieldMapping(m);
    }

    /** The value of standard attribute {@code name} (or one of its {@code aliases}) in {@code attributes}. */
    public Optional<Object> find(Map<String, Object> attributes, String name, String... aliases) {
        String mapped = explicit.get(name);
        if (mapped != null) {
            return Optional.ofNullable(lookup(attributes, mapped));
        }
        Object v = lookup(attributes, name);
        for (int i = 0; v == null && i < aliases.length; i++) {
            v = lookup(attributes, aliases[i]);
        }
        return Optional.ofNullable(v);
    }

    private static Object lookup(Map<String, Object> attributes, String column) {
        Object v = attributes.get(column);
        if (v != null || attributes.containsKey(column)) {
            return v;
        }
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        return null;
    }

    public Map<String, String> explicit() {
        return explicit;
    }
}
