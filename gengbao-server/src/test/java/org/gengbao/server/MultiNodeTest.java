package org.gengbao.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.county.Counties;
import org.gengbao.server.layers.LayerImports;
import org.gengbao.server.layers.ReferenceLayers;
import org.gengbao.spatial.generate.CountyGenerator;
import org.gengbao.spatial.generate.CountySpec;
import org.gengbao.spatial.generate.CountyWriter;
import org.gengbao.spatial.generate.GeneratedCounty;
import org.gengbao.spatial.io.FeatureFiles.Format;
import org.gengbao.spatial.layer.FieldMapping;
import org.gengbao.spatial.layer.LayerKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two server nodes on one database: a layer version imported on one is indexed by the other within seconds (its poll
 * of the version table), with no restart.
 */
@Tag("database")
class MultiNodeTest {

    @Test
    void aVersionImportedOnOneNodeReachesTheOther() throws Exception {
        TestDatabase db = TestDatabase.create();
        GeneratedCounty county = CountyGenerator.generate(CountySpec.of(23, 600, 0, 30, 30));
        Path files = Files.createTempDirectory("gengbao-multinode-");
        CountyWriter.write(county, files, EnumSet.of(Format.GEOJSON, Format.GEOPACKAGE));
        List<String> args = new ArrayList<>();
        db.properties().forEach((k, v) -> args.add("--" + k + "=" + v));
        args.add("--gengbao.layers.poll-interval=PT0.5S");
        try (ConfigurableApplicationContext a = node(args);
                ConfigurableApplicationContext b = node(args)) {
            AuditLog.asCommandLine("test", () -> a.getBean(Counties.class)
                    .save(county.spec().countyCode(), "两节点县", "EPSG:4527", false));
            Thread.sleep(300);
            assertThat(b.getBean(ReferenceLayers.class).engine()).isPresent();
            String[] id = new String[1];
            AuditLog.asCommandLine(
                    "test",
                    () -> id[0] = (String) ((java.util.Map<?, ?>) a.getBean(LayerImports.class)
                                    .importLayer(new LayerImports.Request(
                                            LayerKind.DLTB,
                                            files.resolve("dltb.gpkg"),
                                            "dltb.gpkg",
                                            null,
                                            null,
                                            LocalDate.of(2026, 1, 1),
                                            FieldMapping.STANDARD,
                                            null,
                                            false))
                                    .get("version"))
                            .get("id"));
            assertThat(a.getBean(ReferenceLayers.class).loadedVersions()).contains(id[0]);
            long deadline = System.currentTimeMillis() + 10_000;
            while (!b.getBean(ReferenceLayers.class).loadedVersions().contains(id[0])
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(b.getBean(ReferenceLayers.class).loadedVersions()).contains(id[0]);
        }
    }

    private static ConfigurableApplicationContext node(List<String> args) {
        return new SpringApplicationBuilder(GengbaoApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }
}
