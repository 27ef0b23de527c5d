package org.gengbao.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.DoubleAdder;
import org.gengbao.postgis.PostgisLayerStore;
import org.gengbao.postgis.PostgisOverlayEngine;
import org.gengbao.spatial.area.AreaMethod;
import org.gengbao.spatial.generate.CountyGenerator;
import org.gengbao.spatial.generate.CountySpec;
import org.gengbao.spatial.generate.GeneratedCounty;
import org.gengbao.spatial.generate.PatchGenerator;
import org.gengbao.spatial.layer.LayerVersion;
import org.gengbao.spatial.overlay.InMemoryOverlayEngine;
import org.gengbao.spatial.overlay.OverlayMeasurements;
import org.gengbao.spatial.verdict.RuleSet;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench overlay}: generates (or, in PostGIS, reuses) a benchmark county, indexes it in memory, loads it into
 * PostGIS with GiST indexes, runs the same random patches through both engines and prints one line of figures.
 *
 * <p>What each figure is: {@code mem_p50_ms}/{@code mem_p99_ms} single-thread latency of the in-memory engine per patch
 * (overlay + verdict), after a warm-up pass; {@code pg_p50_ms} the same for the PostGIS engine on one connection (areas
 * computed in SQL, its fastest mode — see {@code pg_mode}); {@code ratio_p50} their quotient; {@code batch_per_s}
 * patches per second through the in-memory engine with one thread per core; {@code max_rel_diff} the largest
 * difference between the engines over every figure of the compared patches, relative to the patch area, with geodesic
 * areas on both sides (PostGIS's {@code ST_Area(geography)} against GeographicLib in Java); {@code
 * max_rel_diff_national} the same with the national formula on both sides, which depends on where vertices lie along
 * an edge (see EllipsoidalTrapezoidArea); {@code heap_mb} heap in use after a full GC
 * with only the engine alive; {@code index_build_s} the time to build the engine from the layer versions.
 */
@Command(
        name = "overlay",
        mixinStandardHelpOptions = true,
        description = "Benchmark the in-memory overlay engine against PostGIS on a generated county.")
final class OverlayBench implements Callable<Integer> {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 26);

    @Option(names = "--parcels", defaultValue = "100000", description = "land-use parcels of the county")
    int parcels;

    @Option(names = "--patches", defaultValue = "2000", description = "random patches (0.05–5 ha, 10–200 vertices)")
    int patches;

    @Option(names = "--pg-patches", defaultValue = "400", description = "patches timed and compared on PostGIS")
    int pgPatches;

    @Option(
            names = "--pg-url",
            defaultValue = "jdbc:postgresql://127.0.0.1:5432/test",
            description = "PostgreSQL with PostGIS (the county is loaded into schema gengbao_bench_<parcels>_<seed>)")
    String pgUrl;

    @Option(names = "--pg-user", defaultValue = "postgres")
    String pgUser;

    @Option(names = "--pg-password", defaultValue = "")
    String pgPassword;

    @Option(names = "--seed", defaultValue = "2026")
    long seed;

    /** The county spec of the benchmark: plan zones 20 %, approvals and supplies 5 % of the parcels each. */
    static CountySpec spec(long seed, int parcels) {
        return CountySpec.of(seed, parcels, parcels / 5, parcels / 20, parcels / 20);
    }

    @Override
    public Integer call() throws Exception {
        log("generating county: %d parcels, seed %d", parcels, seed);
        long t = System.nanoTime();
        GeneratedCounty county = CountyGenerator.generate(spec(seed, parcels));
        double generateS = seconds(t);
        t = System.nanoTime();
        List<LayerVersion> versions = county.toLayerVersions(LocalDate.of(2026, 1, 1));
        double versionsS = seconds(t);
        Envelope extent = county.extent();
        int actualParcels = county.parcelCount();
        var crs = county.spec().crs();
        log(
                "generated %d parcels in %.1f s; layer versions (areas, terms, hashes) in %.1f s",
                actualParcels, generateS, versionsS);

        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(pgUrl);
        ds.setUser(pgUser);
        if (!pgPassword.isEmpty()) {
            ds.setPassword(pgPassword);
        }
        try (Connection c = ds.getConnection();
                var s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        }
        PostgisLayerStore store = new PostgisLayerStore(ds, "gengbao_bench_" + actualParcels + "_" + seed, crs);
        store.createSchema();
        t = System.nanoTime();
        int loaded = 0;
        for (LayerVersion v : versions) {
            if (!store.contains(v.id())) {
                store.load(v);
                loaded++;
            }
        }
        double pgLoadS = seconds(t);
        log(
                "PostGIS: %s (%d of %d versions loaded in %.1f s)",
                loaded == 0 ? "reused" : "loaded", loaded, versions.size(), pgLoadS);

        county = null;
        List<Polygon> sample = new PatchGenerator(seed + 1, crs, extent).patches(patches);
        int k = Math.min(pgPatches, sample.size());
        RuleSet rules = RuleSet.defaults();
        PostgisOverlayEngine pgGeodesic = new PostgisOverlayEngine(store, AreaMethod.GEODESIC);
        PostgisOverlayEngine pgNational = new PostgisOverlayEngine(store, AreaMethod.ELLIPSOIDAL_TRAPEZOID);

        // 1. geodesic areas on both sides: PostGIS's own ST_Area(geography) against GeographicLib in Java
        InMemoryOverlayEngine memoryGeodesic = InMemoryOverlayEngine.build(crs, versions, AreaMethod.GEODESIC);
        PostgisRun geodesic = PostgisRun.of(ds, pgGeodesic, memoryGeodesic, rules, sample.subList(0, k));
        memoryGeodesic = null;

        // 2. the engine under test, built from the layer versions alone
        System.gc();
        t = System.nanoTime();
        InMemoryOverlayEngine memory = InMemoryOverlayEngine.build(crs, versions);
        double indexBuildS = seconds(t);
        versions = null;
        double heapMb = usedHeapMb();
        log(
                "in-memory engine: %d features indexed in %.2f s, heap in use %.0f MB",
                memory.indexedFeatures(), indexBuildS, heapMb);

        for (Polygon p : sample) {
            rules.judge(memory.measure(p, AS_OF));
        }
        double[] mem = new double[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            long s = System.nanoTime();
            rules.judge(memory.measure(sample.get(i), AS_OF));
            mem[i] = (System.nanoTime() - s) / 1e6;
        }
        Percentiles memP = new Percentiles(mem);

        int threads = Runtime.getRuntime().availableProcessors();
        double batch = 0;
        for (int round = 0; round < 3; round++) {
            batch = Math.max(batch, batchRate(memory, rules, sample, threads));
        }

        // 3. national areas on both sides: PostGIS computes the regions, Java measures them
        PostgisRun national = PostgisRun.of(ds, pgNational, memory, rules, sample.subList(0, k));
        Percentiles geo = new Percentiles(geodesic.millis());
        Percentiles nat = new Percentiles(national.millis());
        double maxRel = geodesic.worstDifference();
        double maxRelNational = national.worstDifference();
        boolean geodesicFaster = geo.at(50) <= nat.at(50);
        double pgP50 = geodesicFaster ? geo.at(50) : nat.at(50);
        log(
                "PostGIS p50: %.2f ms with areas in SQL (geodesic), %.2f ms with regions measured in Java (national)",
                geo.at(50), nat.at(50));
        System.out.println(String.format(
                Locale.ROOT,
                "overlay-bench parcels=%d patches=%d mem_p50_ms=%.3f mem_p99_ms=%.3f pg_p50_ms=%.3f ratio_p50=%.1f"
                        + " batch_per_s=%.0f max_rel_diff=%.2e heap_mb=%.0f index_build_s=%.2f"
                        + " pg_patches=%d pg_mode=%s pg_p99_ms=%.3f max_rel_diff_national=%.2e threads=%d"
                        + " generate_s=%.1f versions_s=%.1f pg_load_s=%.1f",
                actualParcels,
                sample.size(),
                memP.at(50),
                memP.at(99),
                pgP50,
                pgP50 / memP.at(50),
                batch,
                maxRel,
                heapMb,
                indexBuildS,
                k,
                geodesicFaster ? "sql-geodesic" : "sql-regions+java-national",
                geodesicFaster ? geo.at(99) : nat.at(99),
                maxRelNational,
                threads,
                generateS,
                versionsS,
                pgLoadS));
        return 0;
    }

    private static double batchRate(InMemoryOverlayEngine engine, RuleSet rules, List<Polygon> sample, int threads)
            throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            DoubleAdder checksum = new DoubleAdder();
            long t = System.nanoTime();
            pool.submit(() -> sample.parallelStream()
                            .forEach(p -> checksum.add(rules.judge(engine.measure(p, AS_OF))
                                    .reasons()
                                    .size())))
                    .get();
            double s = seconds(t);
            if (checksum.sum() <= 0) {
                throw new IllegalStateException("no results");
            }
            return sample.size() / s;
        } finally {
            pool.shutdown();
        }
    }

    /** PostGIS latencies over patches (after a warm-up) and the largest difference from an in-memory engine. */
    private record PostgisRun(double[] millis, double worstDifference) {
        static PostgisRun of(
                javax.sql.DataSource ds,
                PostgisOverlayEngine pg,
                InMemoryOverlayEngine memory,
                RuleSet rules,
                List<Polygon> patches)
                throws java.sql.SQLException {
            double[] millis = new double[patches.size()];
            double worst = 0;
            try (Connection c = ds.getConnection()) {
                for (int i = 0; i < Math.min(30, patches.size()); i++) {
                    pg.measure(c, patches.get(i), AS_OF);
                }
                for (int i = 0; i < patches.size(); i++) {
                    long s = System.nanoTime();
                    OverlayMeasurements b = pg.measure(c, patches.get(i), AS_OF);
                    rules.judge(b);
                    millis[i] = (System.nanoTime() - s) / 1e6;
                    OverlayMeasurements a = memory.measure(patches.get(i), AS_OF);
                    requireSameVersions(a, b);
                    worst = Math.max(worst, maxDifference(a, b));
                }
            }
            return new PostgisRun(millis, worst);
        }
    }

    private static void requireSameVersions(OverlayMeasurements a, OverlayMeasurements b) {
        if (!a.layerVersions().equals(b.layerVersions())) {
            throw new IllegalStateException(
                    "the engines use different layer versions: " + a.layerVersions() + " / " + b.layerVersions());
        }
    }

    /** The largest difference over every figure of one patch, relative to the patch area. */
    static double maxDifference(OverlayMeasurements a, OverlayMeasurements b) {
        List<double[]> pairs = new ArrayList<>();
        pairs.add(new double[] {a.areaM2(), b.areaM2()});
        pairs.add(new double[] {a.cultivatedM2(), b.cultivatedM2()});
        pairs.add(new double[] {a.cultivatedNetM2(), b.cultivatedNetM2()});
        pairs.add(new double[] {a.basicFarmlandM2(), b.basicFarmlandM2()});
        pairs.add(new double[] {a.approvedM2(), b.approvedM2()});
        pairs.add(new double[] {a.suppliedM2(), b.suppliedM2()});
        pairs.add(new double[] {a.facilityM2(), b.facilityM2()});
        pairs.add(new double[] {a.temporaryM2(), b.temporaryM2()});
        pairs.add(new double[] {a.approvedAndSuppliedM2(), b.approvedAndSuppliedM2()});
        pairs.add(new double[] {a.legallyCoveredM2(), b.legallyCoveredM2()});
        pairs.add(new double[] {a.authorisedM2(), b.authorisedM2()});
        pairs.add(new double[] {a.approvedNotSuppliedM2(), b.approvedNotSuppliedM2()});
        pairs.add(new double[] {a.unapprovedCultivatedM2(), b.unapprovedCultivatedM2()});
        pairs.add(new double[] {a.unauthorisedBasicFarmlandM2(), b.unauthorisedBasicFarmlandM2()});
        pairs.add(new double[] {a.unauthorisedOtherCultivatedM2(), b.unauthorisedOtherCultivatedM2()});
        pairs.add(new double[] {a.expiredTemporaryM2(), b.expiredTemporaryM2()});
        for (var lu : a.landUse()) {
            pairs.add(new double[] {lu.grossM2(), b.landUseM2(lu.code())});
        }
        for (var p : a.planning()) {
            pairs.add(new double[] {p.m2(), b.planM2(p.scheme(), p.code())});
        }
        double worst = 0;
        for (double[] p : pairs) {
            double scale = Math.max(a.areaM2(), 1.0);
            worst = Math.max(worst, Math.abs(p[0] - p[1]) / scale);
        }
        return worst;
    }

    private static double usedHeapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
