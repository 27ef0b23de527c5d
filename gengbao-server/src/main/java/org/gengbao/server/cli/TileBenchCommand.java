package org.gengbao.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.county.Counties;
import org.gengbao.server.layers.LayerImports;
import org.gengbao.server.layers.LayerVersionInfo;
import org.gengbao.server.layers.ReferenceLayers;
import org.gengbao.server.map.MapTiles;
import org.gengbao.spatial.generate.CountyGenerator;
import org.gengbao.spatial.generate.CountySpec;
import org.gengbao.spatial.generate.CountyWriter;
import org.gengbao.spatial.generate.GeneratedCounty;
import org.gengbao.spatial.io.FeatureFiles.Format;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.tile.TileAddress;
import org.gengbao.spatial.tile.TileGeometry;
import org.gengbao.spatial.tile.TileProjection;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gengbao bench tiles}: vector tiles of a generated county through the server's own path (spatial index of the
 * database, drawing, encoding), one line of figures per layer and zoom. The county is generated and imported through
 * the normal import into the database given (by default a fresh embedded database in a temporary folder); a database
 * that already holds a county is used as it is.
 *
 * <p>Figures: {@code p50_ms}/{@code p95_ms}/{@code max_ms} single-thread time per tile after a warm-up pass (nearest
 * rank); {@code cpu_p50_ms} the processor time of the same (what it costs regardless of other load on the machine);
 * {@code read_p50_ms} the part spent reading the features from the database (the same query, timed alone);
 * {@code per_s} tiles per second with one thread per core; {@code features} and {@code kb} means per tile (with the
 * largest tile's size); {@code empty} tiles with nothing to draw.
 */
@Command(
        name = "tiles",
        mixinStandardHelpOptions = true,
        description = "Benchmark vector tiles of a generated county (zoom 12-16) on the embedded database or PostGIS.")
final class TileBenchCommand implements Callable<Integer> {
    private static final LocalDate EFFECTIVE = LocalDate.of(2026, 1, 1);
    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Option(names = "--parcels", defaultValue = "100000", description = "land-use parcels of a generated county")
    int parcels;

    @Option(names = "--seed", defaultValue = "2026")
    long seed;

    @Option(names = "--tiles", defaultValue = "150", description = "tiles per zoom (a random sample when more exist)")
    int tilesPerZoom;

    @Option(names = "--zooms", defaultValue = "12,13,14,15,16", split = ",")
    List<Integer> zooms;

    @Option(names = "--layers", defaultValue = "dltb,jbnt", split = ",", description = "reference layers to draw")
    List<String> layers;

    @Override
    public Integer call() throws Exception {
        Path scratch = null;
        if (db.data == null && db.dbUrl == null) {
            scratch = Files.createTempDirectory("gengbao-tile-bench-");
            db.data = scratch;
        }
        try {
            return run();
        } finally {
            if (scratch != null) {
                deleteTree(scratch);
            }
        }
    }

    private int run() throws Exception {
        try (ConfigurableApplicationContext context = Context.start(db, false, Map.of())) {
            double importS = ensureCounty(context);
            ReferenceLayers reference = context.getBean(ReferenceLayers.class);
            MapTiles tiles = context.getBean(MapTiles.class);
            var crs = context.getBean(Counties.class).require().crs();
            LayerVersionInfo dltb =
                    reference.versionInForce(LayerKind.DLTB, EFFECTIVE).orElseThrow();
            var extent =
                    TileProjection.lonLatEnvelope(reference.extent(dltb.id()).orElseThrow(), crs);
            CurrentUser bench = new CurrentUser("bench", Role.ADMIN, null);
            System.out.printf(
                    Locale.ROOT,
                    "tile-bench db=%s parcels=%d import_s=%.1f threads=%d%n",
                    db.dbUrl != null && db.dbUrl.startsWith("jdbc:postgresql") ? "postgresql" : "h2",
                    dltb.featureCount(),
                    importS,
                    Runtime.getRuntime().availableProcessors());
            Random random = new Random(seed);
            for (String layer : layers) {
                LayerVersionInfo version = reference
                        .versionInForce(LayerKind.parse(layer), EFFECTIVE)
                        .orElseThrow();
                for (int z : zooms) {
                    List<TileAddress> all = new ArrayList<>(TileAddress.covering(extent, z));
                    Collections.shuffle(all, random);
                    List<TileAddress> sample = all.subList(0, Math.min(tilesPerZoom, all.size()));
                    for (TileAddress t : sample) {
                        tiles.render(layer, t, bench, EFFECTIVE);
                    }
                    double[] ms = new double[sample.size()];
                    double[] cpuMs = new double[sample.size()];
                    double[] readMs = new double[sample.size()];
                    long features = 0;
                    long bytes = 0;
                    long maxBytes = 0;
                    int empty = 0;
                    for (int i = 0; i < sample.size(); i++) {
                        long cpu = CPU.getCurrentThreadCpuTime();
                        long s = System.nanoTime();
                        MapTiles.Tile tile = tiles.render(layer, sample.get(i), bench, EFFECTIVE);
                        ms[i] = (System.nanoTime() - s) / 1e6;
                        cpuMs[i] = (CPU.getCurrentThreadCpuTime() - cpu) / 1e6;
                        features += tile.features();
                        bytes += tile.bytes().length;
                        maxBytes = Math.max(maxBytes, tile.bytes().length);
                        empty += tile.bytes().length == 0 ? 1 : 0;
                        TileGeometry g = TileGeometry.of(sample.get(i), crs);
                        s = System.nanoTime();
                        reference.featuresInBox(version.id(), g.queryEnvelope(), g.minPolygonAreaM2());
                        readMs[i] = (System.nanoTime() - s) / 1e6;
                    }
                    double perSecond = throughput(tiles, layer, sample, bench);
                    int n = sample.size();
                    System.out.printf(
                            Locale.ROOT,
                            "tile-bench layer=%s z=%d tiles=%d of=%d p50_ms=%.1f p95_ms=%.1f max_ms=%.1f"
                                    + " cpu_p50_ms=%.1f read_p50_ms=%.1f per_s=%.0f features=%.0f kb=%.1f kb_max=%.1f empty=%d%n",
                            layer,
                            z,
                            n,
                            all.size(),
                            percentile(ms, 50),
                            percentile(ms, 95),
                            percentile(ms, 100),
                            percentile(cpuMs, 50),
                            percentile(readMs, 50),
                            perSecond,
                            (double) features / n,
                            bytes / 1024.0 / n,
                            maxBytes / 1024.0,
                            empty);
                }
            }
        }
        return 0;
    }

    /** Imports a generated county unless the database has one; returns the seconds it took (0 when reused). */
    private double ensureCounty(ConfigurableApplicationContext context) throws Exception {
        Counties counties = context.getBean(Counties.class);
        if (counties.current().isPresent()) {
            System.err.println("tile-bench: using the county in " + db.describe());
            return 0;
        }
        long t = System.nanoTime();
        CountySpec spec = CountySpec.of(seed, parcels, parcels / 5, parcels / 20, parcels / 20);
        System.err.printf(
                "tile-bench: generating and importing a county of %d parcels into %s%n", parcels, db.describe());
        GeneratedCounty county = CountyGenerator.generate(spec);
        Path files = Files.createTempDirectory("gengbao-tile-bench-county-");
        CountyWriter.write(county, files, EnumSet.allOf(Format.class));
        try {
            AuditLog.asCommandLine(Context.actor(), () -> {
                counties.save(spec.countyCode(), spec.countyName(), spec.crs().code(), false);
                DemoSetup.importLayers(context.getBean(LayerImports.class), files, EFFECTIVE);
            });
        } finally {
            deleteTree(files);
        }
        return (System.nanoTime() - t) / 1e9;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Tiles per second drawing the sample with one thread per core (the best of two rounds). */
    private static double throughput(MapTiles tiles, String layer, List<TileAddress> sample, CurrentUser user)
            throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            double best = 0;
            for (int round = 0; round < 2; round++) {
                long s = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (TileAddress t : sample) {
                    done.add(pool.submit(() -> tiles.render(layer, t, user, EFFECTIVE)));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                best = Math.max(best, sample.size() / ((System.nanoTime() - s) / 1e9));
            }
            return best;
        } finally {
            pool.shutdown();
        }
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
