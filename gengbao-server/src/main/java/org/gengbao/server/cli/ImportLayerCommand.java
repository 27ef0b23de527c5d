package org.gengbao.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.layers.LayerImports;
import org.gengbao.server.storage.JsonText;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.layer.FieldMapping;
import org.gengbao.spatial.layer.LayerKind;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gengbao import-layer --kind KIND --file PATH [...]}: import a layer file as a new version. */
@Command(
        name = "import-layer",
        mixinStandardHelpOptions = true,
        description = "Import a layer file (.shp or .zip of a shapefile, .gpkg, .geojson) as a new layer version;"
                + " prints the import report (JSON).")
public final class ImportLayerCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Option(names = "--kind", required = true, description = "dltb|jbnt|plan|approval|supply|facility|temporary")
    String kind;

    @Option(names = "--file", required = true, description = ".shp, .zip of a shapefile, .gpkg or .geojson")
    Path file;

    @Option(names = "--crs", description = "coordinate system of the file when it does not say (EPSG:NNNN)")
    String crs;

    @Option(
            names = "--encoding",
            description = "text encoding of a shapefile: GBK or UTF-8 (default: .cpg or detected)")
    String encoding;

    @Option(names = "--effective-from", description = "first day the version is used (YYYY-MM-DD, default today)")
    String effectiveFrom;

    @Option(names = "--mapping", description = "where standard attributes are, e.g. PZRQ=批复日期,PZWH=文号")
    String mapping;

    @Option(names = "--layer", description = "table of a GeoPackage or layer of a zip holding several")
    String layer;

    @Option(names = "--strict", description = "refuse the whole file when any feature is rejected")
    boolean strict;

    @Override
    public Integer call() {
        LayerKind layerKind = LayerKind.parse(kind);
        if (!Files.isReadable(file)) {
            throw Problem.badRequest("FILE_NOT_FOUND", "找不到文件 " + file, "File not found: " + file);
        }
        try (ConfigurableApplicationContext context = Context.start(db, false, Map.of())) {
            @SuppressWarnings("unchecked")
            Map<String, Object>[] report = new Map[1];
            AuditLog.asCommandLine(
                    Context.actor(),
                    () -> report[0] = context.getBean(LayerImports.class)
                            .importLayer(new LayerImports.Request(
                                    layerKind,
                                    file,
                                    file.getFileName().toString(),
                                    crs == null ? null : CrsRegistry.parse(crs),
                                    LayerImports.charset(encoding),
                                    LayerImports.date(effectiveFrom),
                                    mapping == null ? null : FieldMapping.parse(mapping),
                                    layer,
                                    strict)));
            System.out.println(JsonText.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report[0]));
        }
        return 0;
    }
}
