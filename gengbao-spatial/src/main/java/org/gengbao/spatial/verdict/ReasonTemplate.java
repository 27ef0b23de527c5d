package org.gengbao.spatial.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.gengbao.spatial.area.AreaUnits;
import org.gengbao.spatial.layer.LandUseClass;
import org.gengbao.spatial.layer.LandUseClasses;
import org.gengbao.spatial.layer.PlanZone;
import org.gengbao.spatial.overlay.LandUseArea;
import org.gengbao.spatial.overlay.OverlayMeasurements;
import org.gengbao.spatial.overlay.PlanArea;

/**
 * A reason text with placeholders: {@code {expression}} or {@code {expression|format}} where format is {@code area}
 * (the default: "1,234.56 m² (1.85 mu)" / "1,234.56平方米（1.85亩）"), {@code ha}, {@code pct} (a share 0–1 as a
 * percentage) or {@code num}; and the text placeholders {@code {landUseSummary}} and {@code {planSummary}}.
 */
final class ReasonTemplate {
    enum Lang {
        ZH,
        EN
    }

    private record Part(String literal, Expression expression, String format, String textName) {}

    private static final Set<String> TEXT_NAMES = Set.of("landUseSummary", "planSummary");
    private static final Set<String> FORMATS = Set.of("area", "ha", "pct", "num");

    private final List<Part> parts;
    private final Lang lang;

    private ReasonTemplate(List<Part> parts, Lang lang) {
        this.parts = parts;
        this.lang = lang;
    }

    static ReasonTemplate compile(String text, Set<String> names, Lang lang) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            if (open < 0) {
                parts.add(new Part(text.substring(i), null, null, null));
                break;
            }
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed { in \"" + text + "\"");
            }
            if (open > i) {
                parts.add(new Part(text.substring(i, open), null, null, null));
            }
            String inner = text.substring(open + 1, close).trim();
            if (TEXT_NAMES.contains(inner)) {
                parts.add(new Part(null, null, null, inner));
            } else {
                int bar = inner.lastIndexOf('|');
                String format = bar < 0 ? "area" : inner.substring(bar + 1).trim();
                String expr = bar < 0 ? inner : inner.substring(0, bar);
                if (!FORMATS.contains(format)) {
                    throw new IllegalArgumentException("unknown format '" + format + "' in \"" + text + "\"");
                }
                Expression e = Expression.compile(expr, names);
                if (e.isBoolean()) {
                    throw new IllegalArgumentException("placeholder {" + inner + "} is a condition, not a number");
                }
                parts.add(new Part(null, e, format, null));
            }
            i = close + 1;
        }
        return new ReasonTemplate(List.copyOf(parts), lang);
    }

    String render(Figures.Env env) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p.literal != null) {
                sb.append(p.literal);
            } else if (p.textName != null) {
                sb.append(
                        p.textName.equals("landUseSummary")
                                ? landUseSummary(env.measurements())
                                : planSummary(env.measurements()));
            } else {
                sb.append(format(p.expression.number(env), p.format));
            }
        }
        return sb.toString();
    }

    String format(double v, String format) {
        return switch (format) {
            case "pct" -> String.format(Locale.ROOT, "%.1f%%", v * 100.0);
            case "num" -> plain(v);
            case "ha" ->
                lang == Lang.ZH
                        ? String.format(Locale.ROOT, "%,.4f公顷", AreaUnits.toHectares(v))
                        : String.format(Locale.ROOT, "%,.4f ha", AreaUnits.toHectares(v));
            default -> area(v);
        };
    }

    private String area(double m2) {
        double rounded = AreaUnits.roundM2(m2);
        String a = grouped(rounded);
        String mu = grouped(AreaUnits.toMu(rounded));
        return lang == Lang.ZH ? a + "平方米（" + mu + "亩）" : a + " m² (" + mu + " mu)";
    }

    /** {@code v} with two decimals and thousands separators ("12,345.60"), without java.util.Formatter's cost. */
    static String grouped(double v) {
        long cents = Math.round(Math.abs(v) * 100.0);
        String whole = Long.toString(cents / 100);
        StringBuilder sb = new StringBuilder(whole.length() + 8);
        if (v < 0 && cents != 0) {
            sb.append('-');
        }
        int first = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
        sb.append(whole, 0, first);
        for (int i = first; i < whole.length(); i += 3) {
            sb.append(',').append(whole, i, i + 3);
        }
        long frac = cents % 100;
        return sb.append('.').append(frac < 10 ? "0" : "").append(frac).toString();
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(Math.round(v * 100.0) / 100.0)
                .stripTrailingZeros()
                .toPlainString();
    }

    private String landUseSummary(OverlayMeasurements m) {
        if (m.landUse().isEmpty()) {
            return lang == Lang.ZH ? "无土地利用现状数据" : "no land-use survey data";
        }
        return m.landUse().stream().map(this::landUse).collect(Collectors.joining(lang == Lang.ZH ? "、" : ", "));
    }

    private String landUse(LandUseArea a) {
        if (lang == Lang.ZH) {
            return a.code() + a.name() + " " + area(a.grossM2());
        }
        String en = LandUseClasses.lookup(a.code()).map(LandUseClass::nameEn).orElse(a.name());
        return a.code() + " " + en + " " + area(a.grossM2());
    }

    private String planSummary(OverlayMeasurements m) {
        if (m.planning().isEmpty()) {
            return lang == Lang.ZH ? "无规划数据" : "no planning data";
        }
        return m.planning().stream().map(this::plan).collect(Collectors.joining(lang == Lang.ZH ? "、" : ", "));
    }

    private String plan(PlanArea p) {
        if (lang == Lang.ZH) {
            return p.name() + "（" + p.scheme() + " " + p.code() + "）" + area(p.m2());
        }
        String en = PlanZone.standardNameEn(p.scheme(), p.code());
        return (en != null ? en : p.name()) + " (" + p.scheme() + " " + p.code() + ") " + area(p.m2());
    }
}
