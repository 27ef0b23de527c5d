package org.gengbao.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gengbao.spatial.area.AreaMeasure;
import org.gengbao.spatial.generate.CountyGenerator;
import org.gengbao.spatial.generate.GeneratedCounty;
import org.gengbao.spatial.generate.PatchGenerator;
import org.gengbao.spatial.overlay.InMemoryOverlayEngine;
import org.gengbao.spatial.verdict.RuleSet;
import org.gengbao.spatial.verdict.Verdict;
import org.locationtech.jts.geom.Polygon;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The single-patch path under JMH: overlay + verdict of one random patch, and its two main costs measured apart — the
 * ellipsoidal area of the patch (inverse projection of every vertex plus the national formula).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SinglePatchJmh {
    @Param({"20000"})
    int parcels;

    private InMemoryOverlayEngine engine;
    private RuleSet rules;
    private List<Polygon> patches;
    private AreaMeasure area;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        GeneratedCounty county = CountyGenerator.generate(OverlayBench.spec(7, parcels));
        engine = InMemoryOverlayEngine.build(county.spec().crs(), county.toLayerVersions(LocalDate.of(2026, 1, 1)));
        rules = RuleSet.defaults();
        patches = new PatchGenerator(8, county.spec().crs(), county.extent()).patches(1000);
        area = AreaMeasure.ellipsoidal(county.spec().crs());
    }

    private Polygon nextPatch() {
        next = (next + 1) % patches.size();
        return patches.get(next);
    }

    @Benchmark
    public Verdict analysePatch() {
        return rules.judge(engine.measure(nextPatch(), LocalDate.of(2026, 11, 26)));
    }

    @Benchmark
    public double ellipsoidalAreaOfPatch() {
        return area.areaM2(nextPatch());
    }
}
