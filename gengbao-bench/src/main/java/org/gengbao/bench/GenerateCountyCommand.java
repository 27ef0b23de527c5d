package org.gengbao.bench;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.gengbao.spatial.generate.CountyGenerator;
import org.gengbao.spatial.generate.CountySpec;
import org.gengbao.spatial.generate.CountyWriter;
import org.gengbao.spatial.generate.GeneratedCounty;
import org.gengbao.spatial.io.FeatureFiles.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate-county}: writes a synthetic county as a county office would deliver it. */
@Command(
        name = "generate-county",
        mixinStandardHelpOptions = true,
        description = "Generate a synthetic county (deterministic by seed) and write its layers as files.")
public final class GenerateCountyCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--parcels", defaultValue = "5000", description = "approximate number of land-use parcels")
    int parcels;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(
            names = "--formats",
            split = ",",
            defaultValue = "SHAPEFILE,GEOPACKAGE,GEOJSON",
            description = "any of SHAPEFILE, GEOPACKAGE, GEOJSON")
    Set<Format> formats = EnumSet.allOf(Format.class);

    @Override
    public Integer call() throws Exception {
        CountySpec spec = OverlayBench.spec(seed, parcels);
        long t0 = System.nanoTime();
        GeneratedCounty county = CountyGenerator.generate(spec);
        var files = CountyWriter.write(county, out, formats);
        System.out.printf(
                "generated %s (%s): %d parcels, %d towns, %d villages in %.1f s; %d files in %s%n",
                spec.countyName(),
                spec.crs().code(),
                county.parcelCount(),
                county.towns().size(),
                county.villages().size(),
                (System.nanoTime() - t0) / 1e9,
                files.size(),
                out.toAbsolutePath());
        return 0;
    }
}
