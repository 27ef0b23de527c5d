package org.gengbao.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gengbao bench tiles} runs end to end on a small county in an embedded database (the real figures come from
 * running it on the 100 000-parcel county by hand, docs/benchmarks.md; no timing is asserted here).
 */
class TileBenchSmokeTest {
    @TempDir
    Path data;

    @Test
    void benchTilesPrintsOneLinePerLayerAndZoomWithFeaturesDrawn() {
        CliRun r = CliRun.of(
                "bench",
                "tiles",
                "--parcels",
                "400",
                "--tiles",
                "3",
                "--zooms",
                "14,16",
                "--layers",
                "dltb,jbnt",
                "--data",
                data.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("tile-bench db=h2 parcels=");
        for (String layer : new String[] {"dltb", "jbnt"}) {
            for (String z : new String[] {"14", "16"}) {
                Matcher m = Pattern.compile(
                                "tile-bench layer=" + layer + " z=" + z + " tiles=(\\d+) .* features=(\\d+)")
                        .matcher(r.out());
                assertThat(m.find()).as(r.out()).isTrue();
                assertThat(Integer.parseInt(m.group(1))).isPositive();
                if (layer.equals("dltb")) {
                    assertThat(Integer.parseInt(m.group(2)))
                            .as("land-use parcels per tile at %s", z)
                            .isPositive();
                }
            }
        }
    }
}
