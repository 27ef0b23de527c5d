package org.gengbao.spatial.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gengbao.spatial.generate.CountyGenerator.Parcel;
import org.gengbao.spatial.generate.CountyGenerator.Seed;
import org.gengbao.spatial.generate.LandCover.Context;
import org.gengbao.spatial.generate.PlanarGraph.Pt;
import org.gengbao.spatial.layer.LandUseClasses;
import org.gengbao.spatial.layer.LayerKind;
import org.gengbao.spatial.layer.PlanZone;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The layers derived from the land-use coverage: permanent basic farmland (most cultivated parcels away from
 * settlements), planning zones per grid cell, approvals (whole developed blocks, and parts of farmland near villages
 * approved but not yet built, a few overlapping), land supply (most developed approvals, some of the recent ones, and
 * supply of existing construction land in towns), facility agricultural land filings and temporary land use.
 */
final class DerivedLayers {
    private static final LocalDate SURVEY_END = LocalDate.of(2025, 12, 31);

    private final CountyGenerator g;
    private final Random r;

    DerivedLayers(CountyGenerator g) {
        this.g = g;
        this.r = g.random;
    }

    void basicFarmland() {
        List<GeneratedFeature> jbnt = new ArrayList<>();
        for (int i = 0; i < g.grid.nx; i++) {
            for (int j = 0; j < g.grid.ny; j++) {
                Context c = g.context[i][j];
                if (c != Context.FARM && c != Context.HILL) {
                    continue;
                }
                double share = g.nearSettlement[i][j] ? 0.5 : 0.9;
                for (Parcel p : g.parcels(i, j)) {
                    if (LandUseClasses.isCultivated(p.code()) && r.nextDouble() < share) {
                        Seed v = g.villages.get(g.villageOf[i][j]);
                        Map<String, Object> a = new LinkedHashMap<>();
                        long id = g.nextId(LayerKind.JBNT);
                        a.put("BSM", id);
                        a.put("JBNTTBBH", "JB" + v.code.substring(6, 9) + String.format("%06d", id));
                        a.put("DLBM", p.code());
                        a.put("ZLDWDM", v.code + "0000000");
                        a.put("ZLDWMC", v.name);
                        a.put("TBMJ", CountyGenerator.m2(p.areaM2()));
                        jbnt.add(new GeneratedFeature(p.polygon(), a));
                    }
                }
            }
        }
        g.layers.put(LayerKind.JBNT, jbnt);
    }

    void planning() {
        int cells = g.grid.nx * g.grid.ny;
        int extra = Math.max(0, Math.min(cells, g.spec.targetPlanZones() - cells));
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < cells; k++) {
            order.add(k);
        }
        Collections.shuffle(order, r);
        boolean[] splitCell = new boolean[cells];
        for (int k = 0; k < extra; k++) {
            splitCell[order.get(k)] = true;
        }
        List<GeneratedFeature> plan = new ArrayList<>();
        int ny = g.grid.ny;
        for (int i = 0; i < g.grid.nx; i++) {
            for (int j = 0; j < ny; j++) {
                boolean split = splitCell[i * ny + j];
                boolean midBottom = split || (j > 0 && splitCell[i * ny + j - 1]);
                boolean midTop = split || (j + 1 < ny && splitCell[i * ny + j + 1]);
                List<Pt> ring = g.grid.footprintRing(i, j, midBottom, midTop);
                String control = controlZone(i, j);
                String landUse = landUseZone(i, j);
                if (split) {
                    Pt[] mids = g.grid.midpoints(i, j);
                    int b = ring.indexOf(mids[0]);
                    int t = ring.indexOf(mids[1]);
                    List<Pt> east = new ArrayList<>(ring.subList(b, t + 1));
                    List<Pt> west = new ArrayList<>(ring.subList(t, ring.size()));
                    west.addAll(ring.subList(0, b + 1));
                    plan.add(planFeature(RoadGrid.polygon(east, g.factory), control, landUse));
                    plan.add(planFeature(RoadGrid.polygon(west, g.factory), control, landUse));
                } else {
                    plan.add(planFeature(RoadGrid.polygon(ring, g.factory), control, landUse));
                }
            }
        }
        g.layers.put(LayerKind.PLAN, plan);
    }

    private String controlZone(int i, int j) {
        return switch (g.context[i][j]) {
            case TOWN, VILLAGE, DEVELOPED -> "010";
            case HILL -> "040";
            case FARM -> g.nearSettlement[i][j] ? "020" : "030";
        };
    }

    private String landUseZone(int i, int j) {
        return switch (g.context[i][j]) {
            case TOWN, VILLAGE, DEVELOPED -> "030";
            case HILL -> "080";
            case FARM -> g.nearSettlement[i][j] ? "020" : "010";
        };
    }

    private GeneratedFeature planFeature(Geometry geometry, String control, String landUse) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("BSM", g.nextId(LayerKind.PLAN));
        a.put("GZQLXDM", control);
        a.put("GZQMC", PlanZone.standardName(PlanZone.CONSTRUCTION_CONTROL, control));
        a.put("TDYTQLXDM", landUse);
        a.put("TDYTQMC", PlanZone.standardName(PlanZone.LAND_USE_ZONE, landUse));
        a.put("XZQDM", g.spec.countyCode() + "000000");
        return new GeneratedFeature(geometry, a);
    }

    void approvalsAndSupplies() {
        List<GeneratedFeature> approvals = new ArrayList<>();
        List<GeneratedFeature> supplies = new ArrayList<>();
        List<int[]> developed = new ArrayList<>();
        List<int[]> nearFarm = new ArrayList<>();
        List<int[]> farm = new ArrayList<>();
        List<int[]> town = new ArrayList<>();
        for (int i = 0; i < g.grid.nx; i++) {
            for (int j = 0; j < g.grid.ny; j++) {
                switch (g.context[i][j]) {
                    case DEVELOPED -> developed.add(new int[] {i, j});
                    case TOWN -> town.add(new int[] {i, j});
                    case FARM -> (g.nearSettlement[i][j] ? nearFarm : farm).add(new int[] {i, j});
                    default -> {}
                }
            }
        }
        for (int[] c : developed) {
            if (approvals.size() >= g.spec.approvals()) {
                break;
            }
            Polygon block = subQuad(c, 0, 1, 0, 1);
            LocalDate approved = date(2006, 2022);
            approvals.add(approval(block, approved, c));
            if (r.nextDouble() < 0.85) {
                supplies.add(supply(block, after(approved), c));
            }
        }
        List<int[]> partialCells = new ArrayList<>(nearFarm);
        partialCells.addAll(farm);
        Slots slots = new Slots(g.grid.ny);
        int misses = 0;
        while (approvals.size() < g.spec.approvals() && !partialCells.isEmpty() && misses < 100_000) {
            // three in four near a settlement while such slots last, the rest anywhere on farmland
            int pool = nearFarm.isEmpty() || r.nextDouble() < 0.25 ? partialCells.size() : nearFarm.size();
            int[] c = partialCells.get(r.nextInt(pool));
            double[] uv = slots.take(c, r);
            if (uv == null) {
                misses++;
                continue;
            }
            Polygon part = subQuad(c, uv[0], uv[1], uv[2], uv[3]);
            LocalDate approved = date(2019, 2025);
            approvals.add(approval(part, approved, c));
            if (r.nextDouble() < 0.25) {
                double du = (uv[1] - uv[0]) * 0.3;
                supplies.add(supply(subQuad(c, uv[0], uv[1] - du, uv[2], uv[3]), after(approved), c));
            }
            if (r.nextDouble() < 0.06 && approvals.size() < g.spec.approvals()) {
                double shift = (uv[1] - uv[0]) * 0.5;
                Polygon overlapping = subQuad(c, uv[0] + shift, uv[1] + shift, uv[2], uv[3]);
                approvals.add(approval(overlapping, date(2019, 2025), c));
            }
        }
        Collections.shuffle(supplies, r);
        while (supplies.size() > g.spec.supplies()) {
            supplies.remove(supplies.size() - 1);
        }
        List<int[]> supplyCells = new ArrayList<>(town);
        supplyCells.addAll(developed);
        misses = 0;
        while (supplies.size() < g.spec.supplies() && !supplyCells.isEmpty() && misses < 100_000) {
            int[] c = supplyCells.get(r.nextInt(supplyCells.size()));
            double[] uv = slots.take(c, r);
            if (uv == null) {
                misses++;
                continue;
            }
            supplies.add(supply(subQuad(c, uv[0], uv[1], uv[2], uv[3]), date(2010, 2025), c));
        }
        g.layers.put(LayerKind.APPROVAL, approvals);
        g.layers.put(LayerKind.SUPPLY, supplies);
    }

    private GeneratedFeature approval(Polygon p, LocalDate approved, int[] cell) {
        Seed v = g.villages.get(g.villageOf[cell[0]][cell[1]]);
        long id = g.nextId(LayerKind.APPROVAL);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("BSM", id);
        a.put("PZWH", "鲁政土字〔" + approved.getYear() + "〕" + (100 + id % 900) + "号");
        a.put("PZRQ", approved);
        a.put("PZMJ", CountyGenerator.m2(g.area.areaM2(p)));
        a.put("XMMC", v.name + approved.getYear() + "年度第" + (1 + id % 12) + "批次城镇建设用地");
        return new GeneratedFeature(p, a);
    }

    private GeneratedFeature supply(Polygon p, LocalDate supplied, int[] cell) {
        Seed v = g.villages.get(g.villageOf[cell[0]][cell[1]]);
        long id = g.nextId(LayerKind.SUPPLY);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("BSM", id);
        a.put("DZJGH", g.spec.countyCode() + supplied.getYear() + "B" + String.format("%05d", id));
        a.put("GDRQ", supplied);
        a.put("GDFS", r.nextDouble() < 0.7 ? "出让" : "划拨");
        a.put("GDMJ", CountyGenerator.m2(g.area.areaM2(p)));
        a.put("XMMC", v.name + "项目用地");
        return new GeneratedFeature(p, a);
    }

    void facilities() {
        List<GeneratedFeature> filings = new ArrayList<>();
        List<int[]> farmCells = new ArrayList<>();
        for (int i = 0; i < g.grid.nx; i++) {
            for (int j = 0; j < g.grid.ny; j++) {
                for (Parcel p : g.parcels(i, j)) {
                    if (p.code().equals("1202") && r.nextDouble() < 0.85) {
                        filings.add(facility(p.polygon(), p.ci(), p.cj()));
                    }
                }
                if (g.context[i][j] == Context.FARM) {
                    farmCells.add(new int[] {i, j});
                }
            }
        }
        int greenhouses = Math.max(2, g.spec.targetParcels() / 300);
        for (int k = 0; k < greenhouses && !farmCells.isEmpty(); k++) {
            int[] c = farmCells.get(r.nextInt(farmCells.size()));
            double[] uv = window(0.15, 0.45);
            filings.add(facility(subQuad(c, uv[0], uv[1], uv[2], uv[3]), c[0], c[1]));
        }
        g.layers.put(LayerKind.FACILITY, filings);
    }

    private GeneratedFeature facility(Polygon p, int ci, int cj) {
        Seed v = g.villages.get(g.villageOf[ci][cj]);
        LocalDate filed = date(2016, 2025);
        long id = g.nextId(LayerKind.FACILITY);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("BSM", id);
        a.put("BABH", g.towns.get(v.town).name + "设施农用地备〔" + filed.getYear() + "〕" + (1 + id % 99) + "号");
        a.put("BARQ", filed);
        a.put("SSLX", r.nextDouble() < 0.8 ? "生产设施" : "辅助设施");
        a.put("BAMJ", CountyGenerator.m2(g.area.areaM2(p)));
        return new GeneratedFeature(p, a);
    }

    void temporaryUse() {
        List<GeneratedFeature> temporary = new ArrayList<>();
        List<int[]> farmCells = new ArrayList<>();
        for (int i = 0; i < g.grid.nx; i++) {
            for (int j = 0; j < g.grid.ny; j++) {
                if (g.context[i][j] == Context.FARM) {
                    farmCells.add(new int[] {i, j});
                }
            }
        }
        String[] uses = {"施工便道", "取土场", "项目部驻地", "堆料场", "管线施工"};
        int count = Math.max(4, g.spec.targetParcels() / 250);
        for (int k = 0; k < count && !farmCells.isEmpty(); k++) {
            int[] c = farmCells.get(r.nextInt(farmCells.size()));
            double[] uv = window(0.15, 0.5);
            Polygon p = subQuad(c, uv[0], uv[1], uv[2], uv[3]);
            LocalDate from = date(2020, 2025);
            long id = g.nextId(LayerKind.TEMPORARY);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("BSM", id);
            a.put("PZWH", g.spec.countyName() + "临用地〔" + from.getYear() + "〕" + (1 + id % 60) + "号");
            a.put("QSRQ", from);
            a.put("ZZRQ", from.plusYears(1 + r.nextInt(2)).minusDays(1));
            a.put("YT", uses[r.nextInt(uses.length)]);
            a.put("MJ", CountyGenerator.m2(g.area.areaM2(p)));
            temporary.add(new GeneratedFeature(p, a));
        }
        g.layers.put(LayerKind.TEMPORARY, temporary);
    }

    /**
     * Windows of a block that do not overlap: each block is divided into a 3 × 3 grid of slots, and a window is one
     * slot shrunk a little at random, so that approvals and supplies placed independently do not pile up on each other
     * (in real data overlaps are the exception; the few deliberate ones are added explicitly).
     */
    private static final class Slots {
        private final int ny;
        private final java.util.Map<Integer, java.util.BitSet> used = new java.util.HashMap<>();

        Slots(int ny) {
            this.ny = ny;
        }

        double[] take(int[] cell, Random r) {
            java.util.BitSet taken = used.computeIfAbsent(cell[0] * ny + cell[1], k -> new java.util.BitSet(9));
            if (taken.cardinality() == 9) {
                return null;
            }
            int slot;
            do {
                slot = r.nextInt(9);
            } while (taken.get(slot));
            taken.set(slot);
            double u0 = (slot % 3) / 3.0;
            double v0 = (slot / 3) / 3.0;
            double margin = 0.02 + r.nextDouble() * 0.05;
            return new double[] {u0 + margin, u0 + 1 / 3.0 - margin, v0 + margin, v0 + 1 / 3.0 - margin};
        }
    }

    /** A random window [u0, u1] × [v0, v1] of the unit square whose sides are between min and max. */
    private double[] window(double min, double max) {
        double w = min + r.nextDouble() * (max - min);
        double h = min + r.nextDouble() * (max - min);
        double u0 = r.nextDouble() * (1 - w);
        double v0 = r.nextDouble() * (1 - h);
        return new double[] {u0, u0 + w, v0, v0 + h};
    }

    /** The part [u0, u1] × [v0, v1] of a cell's block, by bilinear interpolation of its corners. */
    private Polygon subQuad(int[] cell, double u0, double u1, double v0, double v1) {
        Pt[] k = g.grid.blockCorners(cell[0], cell[1]);
        Coordinate[] c = {at(k, u0, v0), at(k, u1, v0), at(k, u1, v1), at(k, u0, v1), null};
        c[4] = c[0].copy();
        return g.factory.createPolygon(c);
    }

    private static Coordinate at(Pt[] k, double u, double v) {
        double x = (1 - u) * (1 - v) * k[0].x() + u * (1 - v) * k[1].x() + u * v * k[2].x() + (1 - u) * v * k[3].x();
        double y = (1 - u) * (1 - v) * k[0].y() + u * (1 - v) * k[1].y() + u * v * k[2].y() + (1 - u) * v * k[3].y();
        return new Coordinate(Math.round(x * 1000) / 1000.0, Math.round(y * 1000) / 1000.0);
    }

    private LocalDate date(int fromYear, int toYear) {
        LocalDate start = LocalDate.of(fromYear, 1, 1);
        long days = LocalDate.of(toYear, 12, 31).toEpochDay() - start.toEpochDay();
        return start.plusDays((long) (r.nextDouble() * days));
    }

    private LocalDate after(LocalDate d) {
        LocalDate later = d.plusDays(30 + r.nextInt(870));
        return later.isAfter(SURVEY_END) ? SURVEY_END : later;
    }
}
