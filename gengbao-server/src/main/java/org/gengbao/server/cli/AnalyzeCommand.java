package org.gengbao.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gengbao.server.analysis.Analyses;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.layers.LayerImports;
import org.gengbao.server.storage.JsonText;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.analysis.AnalysisJson;
import org.gengbao.spatial.analysis.AnalysisResult;
import org.gengbao.spatial.geom.GeoJsonGeometryParser;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code gengbao analyze --file PATCH.geojson [--crs EPSG:NNNN] [--as-of YYYY-MM-DD]}: prints the analysis result as
 * JSON on standard output and nothing else — one result for a geometry or a Feature, an array of results in input order
 * for a FeatureCollection, each carrying the feature's {@code properties} unchanged.
 */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = "Analyse the patches of a GeoJSON file against the layers; prints JSON results.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Option(names = "--file", required = true, description = "GeoJSON geometry, Feature or FeatureCollection")
    Path file;

    @Option(names = "--crs", description = "coordinate system of the file (default: its crs member, else EPSG:4490)")
    String crs;

    @Option(names = "--as-of", description = "analysis date (YYYY-MM-DD, default today in China)")
    String asOf;

    @Override
    public Integer call() throws IOException {
        if (!Files.isReadable(file)) {
            throw Problem.badRequest("FILE_NOT_FOUND", "找不到文件 " + file, "File not found: " + file);
        }
        JsonNode root;
        try {
            root = GeoJsonGeometryParser.MAPPER.readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw GeoJsonGeometryParser.malformed(e);
        }
        LocalDate date = LayerImports.date(asOf);
        String fileCrs = crs != null
                ? crs
                : root.path("crs").path("properties").path("name").asString(null);
        try (ConfigurableApplicationContext context = Context.start(db, false, Map.of())) {
            Analyses analyses = context.getBean(Analyses.class);
            Object[] out = new Object[1];
            AuditLog.asCommandLine(Context.actor(), () -> out[0] = analyseAll(analyses, root, fileCrs, date));
            System.out.println(JsonText.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out[0]));
            context.getBean(AuditLog.class);
        }
        return 0;
    }

    private static Object analyseAll(Analyses analyses, JsonNode root, String crs, LocalDate date) {
        String type = root.path("type").asString("");
        if (type.equals("FeatureCollection")) {
            ArrayNode results = JsonText.MAPPER.createArrayNode();
            JsonNode features = root.path("features");
            for (int i = 0; i < features.size(); i++) {
                JsonNode f = features.get(i);
                ObjectNode r = one(analyses, f, crs, date);
                r.set("properties", f.has("properties") ? f.get("properties") : JsonText.MAPPER.nullNode());
                results.add(r);
            }
            return results;
        }
        ObjectNode r = one(analyses, root, crs, date);
        if (type.equals("Feature")) {
            r.set("properties", root.get("properties"));
        }
        return r;
    }

    private static ObjectNode one(Analyses analyses, JsonNode geometryOrFeature, String crs, LocalDate date) {
        AnalysisResult result = analyses.analyse(GeoJsonGeometryParser.text(geometryOrFeature), crs, date);
        return AnalysisJson.toJson(result);
    }
}
