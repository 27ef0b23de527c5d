package org.gengbao.spatial.layer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gengbao.spatial.SpatialInputException;

/**
 * The standard attributes of each layer kind and how {@link FeatureTerms} are read from them. Required attributes that
 * are missing or malformed reject the feature with a reason naming the attribute.
 */
public final class LayerSchema {
    private LayerSchema() {}

    /** Reads the terms of one feature of {@code kind}. */
    public static FeatureTerms read(LayerKind kind, Map<String, Object> attributes, FieldMapping mapping) {
        Reader r = new Reader(attributes, mapping);
        return switch (kind) {
            case DLTB -> landUse(r);
            case JBNT -> new FeatureTerms.BasicFarmland(r.text("JBNTTBBH", false, "TBBH", "BH", "图斑编号"));
            case PLAN -> plan(r);
            case APPROVAL ->
                new FeatureTerms.Approval(r.text("PZWH", false, "批准文号", "WH"), r.date("PZRQ", true, "PZSJ", "批准日期"));
            case SUPPLY ->
                new FeatureTerms.Supply(
                        r.text("DZJGH", false, "JGH", "电子监管号"),
                        r.date("GDRQ", true, "GDSJ", "供地日期", "QDRQ"),
                        r.text("GDFS", false, "供地方式"));
            case FACILITY ->
                new FeatureTerms.Facility(
                        r.text("BABH", false, "BAH", "备案编号", "备案号"), r.date("BARQ", true, "BASJ", "备案日期"));
            case TEMPORARY -> temporary(r);
        };
    }

    private static FeatureTerms landUse(Reader r) {
        String code = r.text("DLBM", true, "地类编码");
        if (!LandUseClasses.isWellFormed(code)) {
            throw r.invalid("DLBM", code, "不是三调地类编码（如 0103）", "is not a land-use code of the third survey (e.g. 0103)");
        }
        String name = r.text("DLMC", false, "地类名称");
        if (name == null) {
            name = LandUseClasses.lookup(code).map(LandUseClass::nameZh).orElse(code);
        }
        Double kcxs = r.number("KCXS", false, "TKXS", "扣除系数");
        double coefficient = kcxs == null ? 0.0 : kcxs;
        if (!(coefficient >= 0.0 && coefficient < 1.0)) {
            throw r.invalid("KCXS", kcxs, "扣除系数应在 0 与 1 之间", "the deduction coefficient must be between 0 and 1");
        }
        return new FeatureTerms.LandUse(code, name, coefficient);
    }

    private static FeatureTerms plan(Reader r) {
        List<PlanZone> zones = new ArrayList<>();
        String control = r.text(PlanZone.CONSTRUCTION_CONTROL, false, "GZQDM", "管制区类型代码");
        if (control != null) {
            String name = r.text("GZQMC", false, "GZQLXMC", "管制区名称");
            zones.add(zone(PlanZone.CONSTRUCTION_CONTROL, control, name));
        }
        String landUse = r.text(PlanZone.LAND_USE_ZONE, false, "YTQDM", "用途区类型代码");
        if (landUse != null) {
            String name = r.text("TDYTQMC", false, "YTQMC", "TDYTQLXMC", "用途区名称");
            zones.add(zone(PlanZone.LAND_USE_ZONE, landUse, name));
        }
        if (zones.isEmpty()) {
            throw new SpatialInputException(
                    "ATTRIBUTE_MISSING",
                    "规划要素缺少 GZQLXDM（建设用地管制区类型代码）或 TDYTQLXDM（土地用途区类型代码）",
                    "A planning feature needs GZQLXDM (construction-control zone) or TDYTQLXDM (land-use zone)");
        }
        return new FeatureTerms.Plan(zones);
    }

    private static PlanZone zone(String scheme, String code, String name) {
        String standard = PlanZone.standardName(scheme, code);
        return new PlanZone(scheme, code, name != null ? name : standard != null ? standard : code);
    }

    private static FeatureTerms temporary(Reader r) {
        LocalDate from = r.date("QSRQ", true, "YXQQ", "KSRQ", "VALID_FROM", "VALIDFROM", "起始日期");
        LocalDate to = r.date("ZZRQ", true, "YXQZ", "JSRQ", "VALID_TO", "VALIDTO", "终止日期");
        if (to.isBefore(from)) {
            throw r.invalid("ZZRQ", to, "终止日期早于起始日期 " + from, "the end date is before the start date " + from);
        }
        return new FeatureTerms.Temporary(r.text("PZWH", false, "批准文号"), from, to);
    }

    /** Looks attributes up through the mapping and converts them, rejecting with a reason. */
    private record Reader(Map<String, Object> attributes, FieldMapping mapping) {
        Object raw(String name, boolean required, String... aliases) {
            Object v = mapping.find(attributes, name, aliases).orElse(null);
            if (v == null && required) {
                throw new SpatialInputException(
                        "ATTRIBUTE_MISSING",
                        "缺少必填属性 " + name + "（或用字段映射指定其所在字段）",
                        "Required attribute " + name + " is missing (or map it to the file's column)");
            }
            return v;
        }

        String text(String name, boolean required, String... aliases) {
            return AttributeValues.text(raw(name, required, aliases));
        }

        Double number(String name, boolean required, String... aliases) {
            Object v = raw(name, required, aliases);
            try {
                return AttributeValues.number(v);
            } catch (IllegalArgumentException e) {
                throw invalid(name, v, "应为数值", "must be a number");
            }
        }

        LocalDate date(String name, boolean required, String... aliases) {
            Object v = raw(name, required, aliases);
            try {
                return AttributeValues.date(v);
            } catch (IllegalArgumentException e) {
                throw invalid(name, v, "应为日期（如 2020-05-01）", "must be a date (e.g. 2020-05-01)");
            }
        }

        SpatialInputException invalid(String name, Object value, String zh, String en) {
            return new SpatialInputException(
                    "ATTRIBUTE_INVALID",
                    "属性 " + name + " 的值“" + value + "”无效：" + zh,
                    "Attribute " + name + " value \"" + value + "\" is invalid: " + en);
        }
    }
}
