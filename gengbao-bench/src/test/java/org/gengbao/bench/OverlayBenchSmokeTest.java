package org.gengbao.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands run end to end on a small county (the real figures come from running {@code bench overlay} on the
 * 100 000-parcel county by hand; no timing is asserted here).
 */
class OverlayBenchSmokeTest {

    @Test
    void benchOverlayEndsWithItsKeyValueLine() {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = GengbaoTools.commandLine()
                    .execute(
                            "bench",
                            "overlay",
                            "--parcels",
                            "2000",
                            "--patches",
                            "150",
                            "--pg-patches",
                            "40",
                            "--seed",
                            "3",
                            "--pg-url",
                            System.getenv()
                                    .getOrDefault("GENGBAO_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
        } finally {
            System.setOut(out);
        }
        assertThat(exit).isZero();
        String[] lines = captured.toString(StandardCharsets.UTF_8).trim().split("\n");
        String last = lines[lines.length - 1];
        assertThat(last)
                .startsWith("overlay-bench parcels=")
                .containsPattern("patches=150 mem_p50_ms=[0-9.]+ mem_p99_ms=[0-9.]+ pg_p50_ms=[0-9.]+ ratio_p50=[0-9.]+"
                        + " batch_per_s=[0-9]+ max_rel_diff=[0-9.e+-]+ heap_mb=[0-9]+ index_build_s=[0-9.]+");
        double maxRelDiff = Double.parseDouble(last.replaceAll(".* max_rel_diff=([0-9.e+-]+) .*", "$1"));
        assertThat(maxRelDiff).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void generateCountyWritesTheThreeFormats(@TempDir Path dir) throws Exception {
        int exit = GengbaoTools.commandLine()
                .execute("generate-county", "--out", dir.toString(), "--parcels", "800", "--seed", "4");
        assertThat(exit).isZero();
        assertThat(dir.resolve("dltb.shp")).exists();
        assertThat(dir.resolve("dltb.cpg")).hasContent("GBK");
        assertThat(dir.resolve("jbnt.gpkg")).exists();
        assertThat(dir.resolve("village.geojson")).exists();
        assertThat(Files.readString(dir.resolve("county.json"))).contains("\"crs\" : \"EPSG:4527\"");
    }

    @Test
    void badOptionsExitWithTwo() {
        assertThat(GengbaoTools.commandLine().execute("bench", "overlay", "--parcels", "many"))
                .isEqualTo(2);
    }
}
