package org.gengbao.spatial.verdict;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.overlay.OverlayMeasurements;
import org.gengbao.spatial.verdict.ReasonTemplate.Lang;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A versioned verdict rule table, loaded from JSON (see {@code default-rules.json} for the format and the default
 * rules). Immutable and thread-safe. {@link #withParameters} gives the same rules with some thresholds changed.
 */
public final class RuleSet {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** A rule: a condition and its consequence. */
    record Rule(
            String id,
            Expression when,
            VerdictCode verdict,
            String subtype,
            Set<VerdictCode> appliesTo,
            ReasonTemplate zh,
            ReasonTemplate en) {
        Reason reason(Figures.Env env) {
            return new Reason(zh.render(env), en.render(env));
        }
    }

    private final String id;
    private final String version;
    private final String sha256;
    private final String json;
    private final String label;
    private final Map<String, Double> parameters;
    private final Map<String, Expression> definitions;
    private final Rule summary;
    private final List<Rule> verdicts;
    private final List<Rule> subtypes;
    private final Rule police;

    private RuleSet(String json, Map<String, Double> parameterOverrides) {
        this.json = json;
        this.sha256 = sha256(json);
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw invalid("the rule file is not valid JSON: " + e.getOriginalMessage());
        }
        this.id = text(root, "id");
        this.version = text(root, "version");
        Map<String, Double> params = new LinkedHashMap<>();
        root.path("parameters").properties().forEach(e -> {
            if (Figures.isReserved(e.getKey())) {
                throw invalid("parameter " + e.getKey() + " has the name of a figure or constant");
            }
            if (!e.getValue().isNumber()) {
                throw invalid("parameter " + e.getKey() + " must be a number");
            }
            params.put(e.getKey(), e.getValue().doubleValue());
        });
        for (Map.Entry<String, Double> o : parameterOverrides.entrySet()) {
            if (!params.containsKey(o.getKey())) {
                throw invalid("unknown parameter " + o.getKey() + "; the rule set has " + params.keySet());
            }
            params.put(o.getKey(), o.getValue());
        }
        this.parameters = Map.copyOf(params);
        String base = id + "@" + version + " sha256:" + sha256.substring(0, 12);
        this.label = parameterOverrides.isEmpty()
                ? base
                : base + " params:"
                        + sha256(new java.util.TreeMap<>(params).toString()).substring(0, 8);
        Map<String, Expression> defs = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>(Figures.names(params.keySet(), Set.of()));
        for (Map.Entry<String, JsonNode> e : root.path("definitions").properties()) {
            if (names.contains(e.getKey())) {
                throw invalid("definition " + e.getKey() + " reuses a name");
            }
            Expression x = compile("definition " + e.getKey(), e.getValue().asString(), names, false);
            defs.put(e.getKey(), x);
            names.add(e.getKey());
        }
        this.definitions = defs;
        this.summary = rule(root.path("summary"), "summary", names, false);
        this.verdicts = rules(root.path("verdicts"), names, true);
        this.subtypes = rules(root.path("subtypes"), names, false);
        this.police = rule(root.path("policeTransfer"), "policeTransfer", names, false);
        if (verdicts.isEmpty()
                || !verdicts.get(verdicts.size() - 1).when.source().trim().equals("true")) {
            throw invalid("the last verdict rule must have the condition \"true\" so every patch gets a verdict");
        }
    }

    /** The default rules of Gengbao (domain.md §4). */
    public static RuleSet defaults() {
        try (InputStream in = RuleSet.class.getResourceAsStream("default-rules.json")) {
            return new RuleSet(new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A county's rule file. */
    public static RuleSet load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static RuleSet parse(String json) {
        return new RuleSet(json, Map.of());
    }

    /** The same rules with some parameters changed (e.g. {@code policeBasicFarmlandMu}). */
    public RuleSet withParameters(Map<String, Double> overrides) {
        return new RuleSet(json, overrides);
    }

    /** "id@version sha256:first-12-hex"; parameter overrides are part of the identity. */
    public String versionLabel() {
        return label;
    }

    public Map<String, Double> parameters() {
        return parameters;
    }

    /** Judges one analysis. */
    public Verdict judge(OverlayMeasurements m) {
        Figures.Env env = new Figures.Env(m, parameters, definitions);
        List<Reason> reasons = new ArrayList<>();
        reasons.add(summary.reason(env));
        Rule decisive =
                verdicts.stream().filter(r -> r.when.test(env)).findFirst().orElseThrow();
        reasons.add(decisive.reason(env));
        List<String> subtypeCodes = new ArrayList<>();
        if (decisive.subtype != null) {
            subtypeCodes.add(decisive.subtype);
        }
        for (Rule r : subtypes) {
            if (r.appliesTo.contains(decisive.verdict) && r.when.test(env) && !subtypeCodes.contains(r.subtype)) {
                subtypeCodes.add(r.subtype);
                reasons.add(r.reason(env));
            }
        }
        boolean transfer = police.appliesTo.contains(decisive.verdict) && police.when.test(env);
        if (transfer) {
            reasons.add(police.reason(env));
        }
        return new Verdict(decisive.verdict, subtypeCodes, reasons, transfer, label);
    }

    private List<Rule> rules(JsonNode array, Set<String> names, boolean verdictRules) {
        List<Rule> list = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            list.add(rule(array.get(i), (verdictRules ? "verdicts" : "subtypes") + "[" + i + "]", names, verdictRules));
        }
        return List.copyOf(list);
    }

    private Rule rule(JsonNode node, String where, Set<String> names, boolean verdictRule) {
        if (node.isMissingNode()) {
            throw invalid(where + " is missing");
        }
        String ruleId = node.path("id").asString(where);
        Expression when = compile(ruleId + ".when", node.path("when").asString("true"), names, true);
        VerdictCode verdict = null;
        if (verdictRule) {
            verdict = verdictCode(node.path("verdict").asString(""), ruleId);
        }
        String subtype = node.path("subtype").isMissingNode()
                ? null
                : node.path("subtype").asString();
        Set<VerdictCode> appliesTo = new LinkedHashSet<>();
        for (JsonNode a : node.path("appliesTo")) {
            appliesTo.add(verdictCode(a.asString(), ruleId));
        }
        JsonNode reason = node.path("reason");
        try {
            return new Rule(
                    ruleId,
                    when,
                    verdict,
                    subtype,
                    Set.copyOf(appliesTo),
                    ReasonTemplate.compile(reason.path("zh").asString(""), names, Lang.ZH),
                    ReasonTemplate.compile(reason.path("en").asString(""), names, Lang.EN));
        } catch (IllegalArgumentException e) {
            throw invalid(ruleId + ".reason: " + e.getMessage());
        }
    }

    private static VerdictCode verdictCode(String s, String ruleId) {
        try {
            return VerdictCode.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw invalid(ruleId + ": unknown verdict \"" + s + "\"");
        }
    }

    private static Expression compile(String where, String source, Set<String> names, boolean condition) {
        Expression e;
        try {
            e = Expression.compile(source, names);
        } catch (IllegalArgumentException ex) {
            throw invalid(where + ": " + ex.getMessage());
        }
        if (e.isBoolean() != condition) {
            throw invalid(
                    where + ": expected " + (condition ? "a condition" : "a number") + ", got \"" + source + "\"");
        }
        return e;
    }

    private static String text(JsonNode root, String field) {
        String v = root.path(field).asString("");
        if (v.isBlank()) {
            throw invalid("\"" + field + "\" is missing");
        }
        return v;
    }

    private static SpatialInputException invalid(String what) {
        return new SpatialInputException("RULE_SET_INVALID", "判定规则文件有误：" + what, "Invalid rule set: " + what);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
