package org.gengbao.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gengbao.server.accounts.AccountAdmin;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.analysis.Analyses;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.county.Counties;
import org.gengbao.server.grid.Farmland;
import org.gengbao.server.grid.GridCells;
import org.gengbao.server.layers.LayerImports;
import org.gengbao.server.patrol.PatrolPlanner;
import org.gengbao.server.storage.GengbaoProperties;
import org.gengbao.spatial.generate.CountyGenerator;
import org.gengbao.spatial.generate.CountySpec;
import org.gengbao.spatial.generate.CountyWriter;
import org.gengbao.spatial.generate.GeneratedCounty;
import org.gengbao.spatial.io.FeatureFiles.Format;
import org.gengbao.spatial.layer.FieldMapping;
import org.gengbao.spatial.layer.LayerKind;
import org.springframework.context.ApplicationContext;

/**
 * The demo county: on an empty database, a generated county of a few thousand parcels (written as files in {@code
 * <data>/demo-county} and imported through the normal import — land use and basic farmland from GBK Shapefiles, plans
 * from GeoPackage, the dated layers from GeoJSON) and one account per role. Starting again reuses it all.
 */
public final class DemoSetup {
    static final long SEED = 2026;
    static final LocalDate EFFECTIVE = LocalDate.of(2026, 1, 1);

    private final ApplicationContext context;

    DemoSetup(ApplicationContext context) {
        this.context = context;
    }

    /**
     * Imports a generated county's files from {@code dir} through the normal import, one version of every kind in force
     * from {@code effective}, in a mix of formats: land use and basic farmland from (GBK) Shapefiles, plans from
     * GeoPackage, the dated layers from GeoJSON. Returns each kind's import report.
     */
    public static Map<LayerKind, Map<String, Object>> importLayers(
            LayerImports imports, Path dir, LocalDate effective) {
        Map<LayerKind, String> files = Map.of(
                LayerKind.DLTB, "dltb.shp",
                LayerKind.JBNT, "jbnt.shp",
                LayerKind.PLAN, "plan.gpkg",
                LayerKind.APPROVAL, "approval.geojson",
                LayerKind.SUPPLY, "supply.geojson",
                LayerKind.FACILITY, "facility.geojson",
                LayerKind.TEMPORARY, "temporary.geojson");
        Map<LayerKind, Map<String, Object>> reports = new EnumMap<>(LayerKind.class);
        for (LayerKind kind : LayerKind.values()) {
            Path file = dir.resolve(files.get(kind));
            reports.put(
                    kind,
                    imports.importLayer(new LayerImports.Request(
                            kind,
                            file,
                            file.getFileName().toString(),
                            null,
                            null,
                            effective,
                            FieldMapping.STANDARD,
                            null,
                            false)));
        }
        return reports;
    }

    /**
     * Sets up the responsibility grid of a generated county whose files are in {@code dir}: towns and villages from
     * {@code town.geojson} and {@code village.geojson}, the basic-farmland parcels from the JBNT layer in force on
     * {@code asOf}, and generated people, signs and markers.
     */
    public static void setUpGrid(GridCells cells, Farmland farmland, Path dir, LocalDate asOf, long seed) {
        cells.importFile(dir.resolve("town.geojson"), null, null, null);
        cells.importFile(dir.resolve("village.geojson"), null, null, null);
        farmland.syncFromLayer(asOf);
        farmland.populateDemo(seed);
    }

    /** Demo password of a role's account: "<role>-demo-2026", e.g. admin / admin-demo-2026. */
    static String password(Role role) {
        return role.name().toLowerCase(Locale.ROOT) + "-demo-2026";
    }

    void ensure() {
        AuditLog.asCommandLine("demo", () -> {
            Counties counties = context.getBean(Counties.class);
            if (counties.current().isEmpty()) {
                createCounty(counties);
            }
            AccountAdmin accounts = context.getBean(AccountAdmin.class);
            String county = counties.require().code();
            String village = context.getBean(Farmland.class).villagesByParcelCount().stream()
                    .findFirst()
                    .orElse(county);
            for (Role role : Role.values()) {
                String username = role.name().toLowerCase(Locale.ROOT);
                if (!accounts.exists(username)) {
                    String grid =
                            switch (role) {
                                case INSPECTOR, VILLAGE -> village;
                                case TOWN -> village.length() == 12 ? village.substring(0, 9) + "000" : county;
                                default -> county;
                            };
                    accounts.add(username, password(role), role.name(), grid, "演示" + role.nameZh());
                }
            }
            // Today's patrol tasks, so that the demo inspector has work (planning a day twice adds nothing).
            LocalDate today = LocalDate.now(Analyses.COUNTY_TIME);
            var plan = context.getBean(PatrolPlanner.class).plan(today, "demo");
            System.err.println("  patrol tasks for " + today + ": " + plan.tasksCreated() + " new");
        });
    }

    private void createCounty(Counties counties) {
        CountySpec spec = CountySpec.demo(SEED);
        System.err.println(
                "Creating the demo county " + spec.countyName() + " (about " + spec.targetParcels() + " parcels)...");
        GeneratedCounty county = CountyGenerator.generate(spec);
        Path dir = context.getBean(GengbaoProperties.class).dataDir().resolve("demo-county");
        try {
            CountyWriter.write(county, dir, EnumSet.allOf(Format.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        counties.save(spec.countyCode(), spec.countyName(), spec.crs().code(), false);
        importLayers(context.getBean(LayerImports.class), dir, EFFECTIVE)
                .forEach((kind, report) ->
                        System.err.println("  imported " + kind.id() + ": " + report.get("imported") + " features"));
        setUpGrid(context.getBean(GridCells.class), context.getBean(Farmland.class), dir, EFFECTIVE, SEED);
        System.err.println("  grid: " + context.getBean(GridCells.class).count() + " towns and villages, "
                + context.getBean(Farmland.class).count() + " basic-farmland parcels");
    }

    /** "admin / admin-demo-2026 / ADMIN 系统管理员" lines for the accounts still on their demo password. */
    List<String> logins() {
        AccountAdmin accounts = context.getBean(AccountAdmin.class);
        List<String> lines = new ArrayList<>();
        for (Role role : Role.values()) {
            String username = role.name().toLowerCase(Locale.ROOT);
            if (accounts.exists(username)) {
                String pw = accounts.hasPassword(username, password(role)) ? password(role) : "(changed)";
                lines.add(String.format("%-10s %-22s %s %s", username, pw, role.name(), role.nameZh()));
            }
        }
        return lines;
    }
}
