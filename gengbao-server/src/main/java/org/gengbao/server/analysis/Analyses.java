package org.gengbao.server.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.county.Counties;
import org.gengbao.server.county.County;
import org.gengbao.server.grid.GridCells;
import org.gengbao.server.grid.GridScope;
import org.gengbao.server.layers.ReferenceLayers;
import org.gengbao.server.storage.GengbaoProperties;
import org.gengbao.server.storage.JsonText;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.analysis.Analyser;
import org.gengbao.spatial.analysis.AnalysisJson;
import org.gengbao.spatial.analysis.AnalysisResult;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.geom.GeometryIntake;
import org.gengbao.spatial.geom.IntakeResult;
import org.gengbao.spatial.overlay.OverlayEngine;
import org.gengbao.spatial.verdict.RuleSet;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/** Analyses patches and keeps the results. */
@Service
public class Analyses {
    /** The county's local date is the default analysis date. */
    public static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");

    private final Counties counties;
    private final ReferenceLayers layers;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final GengbaoProperties properties;
    private final RuleSet rules;
    private final GridCells cells;

    Analyses(
            Counties counties,
            ReferenceLayers layers,
            JdbcClient jdbc,
            AuditLog audit,
            GengbaoProperties properties,
            GridCells cells)
            throws java.io.IOException {
        this.cells = cells;
        this.counties = counties;
        this.layers = layers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
        Path countyRules = properties.dataDir().resolve("rules.json");
        this.rules = Files.exists(countyRules) ? RuleSet.load(countyRules) : RuleSet.defaults();
    }

    /** The rule set in use: {@code rules.json} in the data directory when a county provides one, else the default. */
    public RuleSet rules() {
        return rules;
    }

    /**
     * Analyses a GeoJSON geometry or Feature given in {@code crsText} (default EPSG:4490 lon/lat) as of {@code asOf}
     * (default today in China), without storing it.
     */
    public AnalysisResult analyse(String geoJson, String crsText, LocalDate asOf) {
        County county = counties.require();
        OverlayEngine engine = layers.engine().orElseThrow();
        Crs crs = null;
        try {
            if (crsText != null && !crsText.isBlank()) {
                crs = CrsRegistry.parse(crsText);
            }
            IntakeResult patch =
                    new GeometryIntake(county.crs(), properties.limits().maxPatchVertices()).fromGeoJson(geoJson, crs);
            return new Analyser(engine, rules).analyse(patch, asOf != null ? asOf : LocalDate.now(COUNTY_TIME));
        } catch (SpatialInputException e) {
            throw Problem.of(e);
        }
    }

    /** Analyses and stores; returns the result JSON with its id. */
    public ObjectNode analyseAndStore(String geoJson, String crsText, LocalDate asOf, String actor) {
        AnalysisResult result;
        try {
            result = analyse(geoJson, crsText, asOf);
        } catch (Problem p) {
            audit.record("ANALYSIS", null, AuditLog.Result.REJECTED, p.code());
            throw p;
        }
        String id = UUID.randomUUID().toString();
        ObjectNode json = AnalysisJson.toJson(result.withId(id));
        jdbc.sql("INSERT INTO analysis (id, created_at, created_by, as_of, verdict, area_m2, patch, result, grid_code)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, ?), ?, ?)")
                .params(
                        id,
                        OffsetDateTime.now(ZoneOffset.UTC),
                        actor,
                        result.asOf(),
                        result.verdict().code().name(),
                        result.figures().areaM2(),
                        new WKBWriter().write(result.patch()),
                        counties.require().crs().epsg(),
                        JsonText.write(json),
                        cells.villageAt(result.patch()).orElse(null))
                .update();
        audit.record(
                "ANALYSIS",
                id,
                AuditLog.Result.OK,
                result.verdict().code() + " areaM2=" + json.get("areaM2") + " police="
                        + result.verdict().transferToPolice());
        return json;
    }

    /** A stored result, whoever asks (for modules that checked access to what refers to it). */
    public ObjectNode find(String id) {
        Optional<String> json = jdbc.sql("SELECT result FROM analysis WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional();
        return (ObjectNode) JsonText.read(json.orElseThrow(() -> notFound(id)));
    }

    /**
     * A stored result as {@code user} may see it: their own analyses, and those of patches in their grid scope (all of
     * them for bureau roles); anything else is "not found", so ids do not reveal what exists elsewhere.
     */
    public ObjectNode find(String id, CurrentUser user) {
        GridScope scope = GridScope.of(user);
        boolean visible = jdbc.sql("SELECT created_by, grid_code FROM analysis WHERE id = ?")
                .param(id)
                .query((rs, i) ->
                        user.username().equals(rs.getString(1)) || scope.countyWide() || scope.covers(rs.getString(2)))
                .optional()
                .orElse(false);
        if (!visible) {
            throw notFound(id);
        }
        return find(id);
    }

    private static Problem notFound(String id) {
        return new Problem(HttpStatus.NOT_FOUND, "ANALYSIS_NOT_FOUND", "找不到分析结果 " + id, "No analysis with id " + id);
    }
}
