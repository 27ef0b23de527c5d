package org.gengbao.spatial.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gengbao.spatial.area.AreaMeasure;
import org.gengbao.spatial.crs.GaussKrugerProjection;
import org.gengbao.spatial.generate.LandCover.Context;
import org.gengbao.spatial.generate.PlanarGraph.Face;
import org.gengbao.spatial.generate.PlanarGraph.Pt;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.layer.LandUseClass;
import org.gengbao.spatial.layer.LandUseClasses;
import org.gengbao.spatial.layer.LayerKind;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.CoverageUnion;

/**
 * Generates a {@link GeneratedCounty} from a {@link CountySpec}: the same spec always gives the same county.
 *
 * <p>Steps: lay the road grid; place towns (one the county seat) and villages, and give each cell a village (nearest
 * centre) and a context (town, village core, hills by elevation, farmland); mark blocks next to settlements as developed
 * (they will carry approvals); split every block into parcels of 0.05–5 ha with slightly irregular boundaries and give
 * each a land-use class, slope grade and field-ridge coefficient; then derive basic farmland, planning zones and the
 * dated layers ({@link DerivedLayers}).
 */
public final class CountyGenerator {
    static final double MIN_PARCEL_M2 = 500;
    private static final double FEATURES_PER_CELL = 8.8;

    final CountySpec spec;
    final Random random;
    final GeometryFactory factory;
    final AreaMeasure area;
    final RoadGrid grid;
    final Terrain terrain;
    final Context[][] context;
    final boolean[][] nearSettlement;
    final int[][] villageOf;
    final List<Seed> villages = new ArrayList<>();
    final List<Seed> towns = new ArrayList<>();
    final Map<LayerKind, List<GeneratedFeature>> layers = new EnumMap<>(LayerKind.class);
    /** Land-use parcels per cell, for the derived layers. */
    final List<List<Parcel>> parcelsByCell = new ArrayList<>();

    /** A town or village centre and its administrative identity. */
    static final class Seed {
        final int ci;
        final int cj;
        final String code;
        final String name;
        int town;
        final List<Polygon> cells = new ArrayList<>();
        int tbbh;

        Seed(int ci, int cj, String code, String name) {
            this.ci = ci;
            this.cj = cj;
            this.code = code;
            this.name = name;
        }
    }

    /** A generated land-use parcel with what the derived layers need to know. */
    record Parcel(Polygon polygon, String code, int ci, int cj, double areaM2) {}

    private CountyGenerator(CountySpec spec, double featuresPerCell) {
        this.spec = spec;
        this.random = new Random(spec.seed());
        this.factory = WorkingPrecision.factory(spec.crs());
        this.area = AreaMeasure.ellipsoidal(spec.crs());
        int cells = (int) Math.ceil(spec.targetParcels() / featuresPerCell);
        int nx = (int) Math.ceil(Math.sqrt(cells));
        int ny = (int) Math.ceil(cells / (double) nx);
        double[] origin = new double[2];
        GaussKrugerProjection.of(spec.crs()).forwardDegrees(spec.originLonDeg(), spec.originLatDeg(), origin);
        double x0 = Math.rint(origin[0]);
        double y0 = Math.rint(origin[1]);
        this.grid = RoadGrid.lay(random, x0, y0, nx, ny);
        this.terrain = new Terrain(random, x0, y0, nx * 200.0, ny * 200.0);
        this.context = new Context[nx][ny];
        this.nearSettlement = new boolean[nx][ny];
        this.villageOf = new int[nx][ny];
    }

    /**
     * Generates the county. The grid is sized from an estimate of parcels per cell; if the result falls short of the
     * target by more than 2 % (the mix of towns, villages and hills varies with size), it is laid again with the
     * estimate corrected, so a county has at least about the parcels asked for.
     */
    public static GeneratedCounty generate(CountySpec spec) {
        double perCell = FEATURES_PER_CELL;
        GeneratedCounty county = generate(spec, perCell);
        for (int attempt = 0; attempt < 2 && county.parcelCount() < spec.targetParcels() * 0.98; attempt++) {
            int cells = (int) Math.ceil(spec.targetParcels() / perCell);
            perCell = county.parcelCount() / (double) cells;
            county = generate(spec, perCell * 0.99);
        }
        return county;
    }

    private static GeneratedCounty generate(CountySpec spec, double featuresPerCell) {
        CountyGenerator g = new CountyGenerator(spec, featuresPerCell);
        g.placeSettlements();
        g.assignCells();
        g.markDevelopedBlocks();
        g.buildLandUse();
        DerivedLayers derived = new DerivedLayers(g);
        derived.basicFarmland();
        derived.planning();
        derived.approvalsAndSupplies();
        derived.facilities();
        derived.temporaryUse();
        return new GeneratedCounty(
                spec, g.extent(), g.adminUnits(g.towns, true), g.adminUnits(g.villages, false), g.layers);
    }

    private void placeSettlements() {
        int nx = grid.nx;
        int ny = grid.ny;
        Names names = new Names(random);
        int townCount = Math.max(2, nx * ny / 700);
        double townSpacing = Math.sqrt(nx * ny / (double) townCount) * 0.7;
        for (int attempt = 0; towns.size() < townCount && attempt < 10_000; attempt++) {
            int ci = 2 + random.nextInt(Math.max(1, nx - 4));
            int cj = 2 + random.nextInt(Math.max(1, ny - 4));
            if (towns.stream().allMatch(t -> Math.hypot(t.ci - ci, t.cj - cj) >= townSpacing)) {
                String code = spec.countyCode() + String.format("%03d", 100 + towns.size()) + "000";
                towns.add(new Seed(ci, cj, code, names.town()));
            }
        }
        for (int t = 0; t < towns.size(); t++) {
            Seed town = towns.get(t);
            Seed community =
                    new Seed(town.ci, town.cj, town.code.substring(0, 9) + "001", town.name.replace("镇", "") + "社区");
            community.town = t;
            villages.add(community);
        }
        int villageCount = Math.max(6, nx * ny / 45);
        int[] perTown = new int[towns.size()];
        for (int attempt = 0; villages.size() < villageCount + towns.size() && attempt < 100_000; attempt++) {
            int ci = random.nextInt(nx);
            int cj = random.nextInt(ny);
            int town = nearest(towns, ci, cj);
            if (Math.hypot(towns.get(town).ci - ci, towns.get(town).cj - cj) < townRadius(town) + 1.5) {
                continue;
            }
            if (villages.stream().anyMatch(v -> Math.hypot(v.ci - ci, v.cj - cj) < 3.5)) {
                continue;
            }
            String code = towns.get(town).code.substring(0, 9) + String.format("%03d", 200 + perTown[town]++);
            Seed v = new Seed(ci, cj, code, names.village());
            v.town = town;
            villages.add(v);
        }
    }

    private double townRadius(int town) {
        return town == 0 ? 3.2 : 1.6;
    }

    private static int nearest(List<Seed> seeds, int ci, int cj) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int k = 0; k < seeds.size(); k++) {
            double d = Math.hypot(seeds.get(k).ci - ci, seeds.get(k).cj - cj);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    private void assignCells() {
        double hillLevel = hillLevel();
        for (int i = 0; i < grid.nx; i++) {
            for (int j = 0; j < grid.ny; j++) {
                int v = nearest(villages, i, j);
                villageOf[i][j] = v;
                Seed village = villages.get(v);
                Seed town = towns.get(village.town);
                double[] c = grid.centre(i, j);
                if (Math.hypot(town.ci - i, town.cj - j) < townRadius(village.town)) {
                    context[i][j] = Context.TOWN;
                } else if (v >= towns.size() && Math.hypot(village.ci - i, village.cj - j) < 1.0) {
                    context[i][j] = Context.VILLAGE;
                } else if (terrain.at(c[0], c[1]) > hillLevel) {
                    context[i][j] = Context.HILL;
                } else {
                    context[i][j] = Context.FARM;
                }
                village.cells.add(grid.footprint(i, j, factory));
            }
        }
        for (int i = 0; i < grid.nx; i++) {
            for (int j = 0; j < grid.ny; j++) {
                nearSettlement[i][j] = settlementWithin(i, j, 2);
            }
        }
    }

    /** The elevation above which a cell is hill country: the highest 12 % of the county, whatever the terrain. */
    private double hillLevel() {
        double[] e = new double[grid.nx * grid.ny];
        for (int i = 0; i < grid.nx; i++) {
            for (int j = 0; j < grid.ny; j++) {
                double[] c = grid.centre(i, j);
                e[i * grid.ny + j] = terrain.at(c[0], c[1]);
            }
        }
        java.util.Arrays.sort(e);
        return Math.max(0.6, e[(int) (e.length * 0.88)]);
    }

    private boolean settlementWithin(int i, int j, int d) {
        for (int a = Math.max(0, i - d); a <= Math.min(grid.nx - 1, i + d); a++) {
            for (int b = Math.max(0, j - d); b <= Math.min(grid.ny - 1, j + d); b++) {
                if (context[a][b] == Context.TOWN || context[a][b] == Context.VILLAGE) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Blocks next to settlements that were converted and built on: they carry the full-block approvals. */
    private void markDevelopedBlocks() {
        int wanted = (int) Math.round(spec.approvals() * 0.45);
        List<int[]> candidates = new ArrayList<>();
        for (int i = 0; i < grid.nx; i++) {
            for (int j = 0; j < grid.ny; j++) {
                if (context[i][j] == Context.FARM && nearSettlement[i][j]) {
                    candidates.add(new int[] {i, j});
                }
            }
        }
        java.util.Collections.shuffle(candidates, random);
        for (int k = 0; k < Math.min(wanted, candidates.size()); k++) {
            context[candidates.get(k)[0]][candidates.get(k)[1]] = Context.DEVELOPED;
        }
    }

    /**
     * Splits every block first and only then turns faces into polygons: a split inserts points into edges shared with
     * the neighbours, which must all be in place before any polygon is read.
     */
    private void buildLandUse() {
        List<List<Face>> faces = new ArrayList<>();
        for (int i = 0; i < grid.nx; i++) {
            for (int j = 0; j < grid.ny; j++) {
                faces.add(subdivide(grid.blocks[i][j], target(context[i][j])));
            }
        }
        List<GeneratedFeature> dltb = new ArrayList<>();
        for (int i = 0; i < grid.nx; i++) {
            for (int j = 0; j < grid.ny; j++) {
                List<Parcel> cellParcels = new ArrayList<>();
                for (Face f : faces.get(i * grid.ny + j)) {
                    Polygon p = PlanarGraph.polygon(f, factory);
                    double elevation =
                            terrain.at(p.getCentroid().getX(), p.getCentroid().getY());
                    String code = LandCover.landUse(random, context[i][j], elevation);
                    dltb.add(landUseFeature(p, code, i, j, elevation, context[i][j]));
                    cellParcels.add(new Parcel(p, code, i, j, area.areaM2(p)));
                }
                parcelsByCell.add(cellParcels);
            }
        }
        for (RoadGrid.Strip s : grid.strips) {
            Polygon p = PlanarGraph.polygon(s.face(), factory);
            dltb.add(landUseFeature(p, s.landUseCode(), s.cellI(), s.cellJ(), 0, Context.FARM));
        }
        layers.put(LayerKind.DLTB, dltb);
    }

    List<Parcel> parcels(int i, int j) {
        return parcelsByCell.get(i * grid.ny + j);
    }

    private double[] target(Context c) {
        return switch (c) {
            case TOWN -> new double[] {3_000, 15_000};
            case VILLAGE -> new double[] {12_000, 40_000};
            case DEVELOPED -> new double[] {6_000, 30_000};
            case HILL -> new double[] {5_000, 40_000};
            case FARM -> new double[] {1_500, 30_000};
        };
    }

    /** Splits a block recursively until each part is below a target drawn log-uniformly from {@code range}. */
    private List<Face> subdivide(Face block, double[] range) {
        double target = Math.exp(Math.log(range[0]) + random.nextDouble() * Math.log(range[1] / range[0]));
        List<Face> out = new ArrayList<>();
        split(block, target, out, 0);
        return out;
    }

    private void split(Face face, double target, List<Face> out, int depth) {
        double a = PlanarGraph.area(face);
        if (a <= target * 1.3 || a < 2.2 * MIN_PARCEL_M2 || depth > 12) {
            out.add(face);
            return;
        }
        List<Pt> v = PlanarGraph.vertices(face);
        Envelope env = new Envelope();
        v.forEach(p -> env.expandToInclude(p.x(), p.y()));
        for (int attempt = 0; attempt < 6; attempt++) {
            double ratio = 0.3 + random.nextDouble() * 0.4;
            double tilt = (random.nextDouble() - 0.5) * 0.3;
            boolean vertical = env.getWidth() >= env.getHeight();
            double px = vertical ? env.getMinX() + ratio * env.getWidth() : env.centre().x;
            double py = vertical ? env.centre().y : env.getMinY() + ratio * env.getHeight();
            double dx = vertical ? Math.sin(tilt) : Math.cos(tilt);
            double dy = vertical ? Math.cos(tilt) : Math.sin(tilt);
            double left = HalfPlane.area(v, px, py, dx, dy);
            if (left < MIN_PARCEL_M2 || a - left < MIN_PARCEL_M2) {
                continue;
            }
            double[] wiggle = random.nextBoolean()
                    ? new double[0]
                    : new double[] {(random.nextDouble() - 0.5) * 0.8, (random.nextDouble() - 0.5) * 0.8};
            Face[] parts = grid.graph.split(face, px, py, dx, dy, 2.0, wiggle);
            if (parts != null) {
                split(parts[0], target, out, depth + 1);
                split(parts[1], target, out, depth + 1);
                return;
            }
        }
        out.add(face);
    }

    private GeneratedFeature landUseFeature(Polygon p, String code, int i, int j, double elevation, Context ctx) {
        Seed village = villages.get(villageOf[i][j]);
        Map<String, Object> a = new LinkedHashMap<>();
        double tbmj = area.areaM2(p);
        a.put("BSM", nextId(LayerKind.DLTB));
        a.put("TBBH", String.valueOf(++village.tbbh));
        a.put("DLBM", code);
        a.put("DLMC", LandUseClasses.lookup(code).map(LandUseClass::nameZh).orElse(code));
        a.put("QSXZ", ctx == Context.TOWN ? "10" : "30");
        a.put("QSDWDM", village.code + "0000000");
        a.put("QSDWMC", village.name);
        a.put("ZLDWDM", village.code + "0000000");
        a.put("ZLDWMC", village.name);
        a.put("TBMJ", m2(tbmj));
        if (LandUseClasses.isCultivated(code)) {
            int grade = LandCover.slopeGrade(random, elevation);
            double kcxs = grade == 1 && random.nextDouble() < 0.2 ? 0.0 : LandCover.deductionCoefficient(random, grade);
            BigDecimal kcmj = m2(tbmj * kcxs);
            a.put("KCDLBM", kcxs > 0 ? "1203" : null);
            a.put("KCXS", BigDecimal.valueOf(kcxs).setScale(4, RoundingMode.HALF_UP));
            a.put("KCMJ", kcmj);
            a.put("TBDLMJ", m2(tbmj).subtract(kcmj));
            a.put("GDLX", grade >= 2 ? (random.nextBoolean() ? "TT" : "PD") : null);
            a.put("GDPDJB", String.valueOf(grade));
        } else {
            a.put("KCDLBM", null);
            a.put("KCXS", null);
            a.put("KCMJ", BigDecimal.ZERO.setScale(2));
            a.put("TBDLMJ", m2(tbmj));
            a.put("GDLX", null);
            a.put("GDPDJB", null);
        }
        a.put("CZCSXM", LandCover.builtUpTag(ctx, code));
        a.put("SJNF", 2023L);
        return new GeneratedFeature(p, a);
    }

    private final Map<LayerKind, long[]> ids = new EnumMap<>(LayerKind.class);

    long nextId(LayerKind kind) {
        return ++ids.computeIfAbsent(kind, k -> new long[1])[0];
    }

    static BigDecimal m2(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    private Envelope extent() {
        Envelope e = new Envelope();
        for (GeneratedFeature f : layers.get(LayerKind.DLTB)) {
            e.expandToInclude(f.geometry().getEnvelopeInternal());
        }
        return e;
    }

    private List<AdminUnit> adminUnits(List<Seed> seeds, boolean townLevel) {
        List<AdminUnit> units = new ArrayList<>();
        if (townLevel) {
            for (int t = 0; t < towns.size(); t++) {
                List<Polygon> cells = new ArrayList<>();
                for (Seed v : villages) {
                    if (v.town == t) {
                        cells.addAll(v.cells);
                    }
                }
                units.add(new AdminUnit(towns.get(t).code, towns.get(t).name, spec.countyCode(), union(cells)));
            }
        } else {
            for (Seed v : seeds) {
                if (!v.cells.isEmpty()) {
                    units.add(new AdminUnit(v.code, v.name, towns.get(v.town).code, union(v.cells)));
                }
            }
        }
        return units;
    }

    private Geometry union(List<Polygon> cells) {
        return CoverageUnion.union(factory.createMultiPolygon(cells.toArray(Polygon[]::new)));
    }
}
