package org.gengbao.spatial.layer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.gengbao.spatial.SpatialInputException;

/** The kinds of reference layer, named as in the public contract ({@code --kind dltb|jbnt|…}). */
public enum LayerKind {
    DLTB("dltb", "地类图斑", "land-use parcels"),
    JBNT("jbnt", "永久基本农田", "permanent basic farmland"),
    PLAN("plan", "规划分区", "planning zones"),
    APPROVAL("approval", "建设用地批准", "land-use approvals"),
    SUPPLY("supply", "供地", "land supply"),
    FACILITY("facility", "设施农用地备案", "facility agricultural land filings"),
    TEMPORARY("temporary", "临时用地", "temporary land use");

    private final String id;
    private final String nameZh;
    private final String nameEn;

    LayerKind(String id, String nameZh, String nameEn) {
        this.id = id;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    /** The lower-case name used on the command line, in URLs and in results ("dltb"). */
    public String id() {
        return id;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public static LayerKind parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (LayerKind k : values()) {
            if (k.id.equals(t)) {
                return k;
            }
        }
        String known = Arrays.stream(values()).map(LayerKind::id).collect(Collectors.joining(", "));
        throw new SpatialInputException(
                "LAYER_KIND_UNKNOWN",
                "未知的图层类型“" + text + "”，可选：" + known,
                "Unknown layer kind \"" + text + "\"; expected one of " + known);
    }
}
