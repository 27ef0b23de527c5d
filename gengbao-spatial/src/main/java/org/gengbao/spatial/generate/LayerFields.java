package org.gengbao.spatial.generate;

import static org.gengbao.spatial.io.FieldDef.date;
import static org.gengbao.spatial.io.FieldDef.decimal;
import static org.gengbao.spatial.io.FieldDef.integer;
import static org.gengbao.spatial.io.FieldDef.string;

import java.util.List;
import org.gengbao.spatial.io.FieldDef;
import org.gengbao.spatial.layer.LayerKind;

/**
 * The attribute columns the generator writes per layer, with the national names (TD/T 1057-2020 for DLTB; the
 * customary names of provincial approval, supply and filing databases for the others). String lengths are in bytes of
 * GBK, as a dBASE file counts them.
 */
public final class LayerFields {
    private LayerFields() {}

    public static List<FieldDef> of(LayerKind kind) {
        return switch (kind) {
            case DLTB ->
                List.of(
                        integer("BSM", 10),
                        string("TBBH", 8),
                        string("DLBM", 5),
                        string("DLMC", 60),
                        string("QSXZ", 2),
                        string("QSDWDM", 19),
                        string("QSDWMC", 60),
                        string("ZLDWDM", 19),
                        string("ZLDWMC", 60),
                        decimal("TBMJ", 15, 2),
                        string("KCDLBM", 5),
                        decimal("KCXS", 6, 4),
                        decimal("KCMJ", 15, 2),
                        decimal("TBDLMJ", 15, 2),
                        string("GDLX", 2),
                        string("GDPDJB", 2),
                        string("CZCSXM", 4),
                        integer("SJNF", 4));
            case JBNT ->
                List.of(
                        integer("BSM", 10),
                        string("JBNTTBBH", 12),
                        string("DLBM", 5),
                        string("ZLDWDM", 19),
                        string("ZLDWMC", 60),
                        decimal("TBMJ", 15, 2));
            case PLAN ->
                List.of(
                        integer("BSM", 10),
                        string("GZQLXDM", 3),
                        string("GZQMC", 20),
                        string("TDYTQLXDM", 3),
                        string("TDYTQMC", 30),
                        string("XZQDM", 12));
            case APPROVAL ->
                List.of(
                        integer("BSM", 10),
                        string("PZWH", 60),
                        date("PZRQ"),
                        decimal("PZMJ", 15, 2),
                        string("XMMC", 100));
            case SUPPLY ->
                List.of(
                        integer("BSM", 10),
                        string("DZJGH", 20),
                        date("GDRQ"),
                        string("GDFS", 10),
                        decimal("GDMJ", 15, 2),
                        string("XMMC", 100));
            case FACILITY ->
                List.of(
                        integer("BSM", 10),
                        string("BABH", 60),
                        date("BARQ"),
                        string("SSLX", 20),
                        decimal("BAMJ", 15, 2));
            case TEMPORARY ->
                List.of(
                        integer("BSM", 10),
                        string("PZWH", 60),
                        date("QSRQ"),
                        date("ZZRQ"),
                        string("YT", 40),
                        decimal("MJ", 15, 2));
        };
    }

    /** Columns of the town and village layers. */
    public static List<FieldDef> adminUnits() {
        return List.of(string("XZQDM", 12), string("XZQMC", 60), string("SJXZQDM", 12), string("ZLDWDM", 19));
    }
}
