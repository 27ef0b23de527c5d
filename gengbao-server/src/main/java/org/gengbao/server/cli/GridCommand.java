package org.gengbao.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.grid.Farmland;
import org.gengbao.server.grid.GridCell;
import org.gengbao.server.grid.GridCells;
import org.gengbao.server.grid.GridLevel;
import org.gengbao.server.grid.GridPeople;
import org.gengbao.server.grid.GridScope;
import org.gengbao.server.layers.LayerImports;
import org.gengbao.server.storage.JsonText;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.crs.CrsRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gengbao grid import|sync-parcels|list|person add}: the responsibility grid from the command line. */
@Command(
        name = "grid",
        mixinStandardHelpOptions = true,
        description = "The responsibility grid: towns and villages, their people, basic-farmland parcels.",
        subcommands = {
            GridCommand.Import.class,
            GridCommand.SyncParcels.class,
            GridCommand.ListCells.class,
            GridCommand.Person.class
        })
public final class GridCommand {
    /** The whole county: commands are run by the operator of the server. */
    static final GridScope COUNTY = new GridScope("cli", Role.ADMIN, "");

    abstract static class Base implements Callable<Integer> {
        @Mixin
        DatabaseOptions db = new DatabaseOptions();

        /** Checks of the arguments that need no database. */
        void check() {}

        @Override
        public Integer call() {
            check();
            try (ConfigurableApplicationContext context = Context.start(db, false, Map.of())) {
                AuditLog.asCommandLine(Context.actor(), () -> run(context));
            }
            return 0;
        }

        abstract void run(ConfigurableApplicationContext context);
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Add or update towns or villages from a boundary file (columns XZQDM code, XZQMC name,"
                    + " SJXZQDM parent code); all or nothing; prints the report (JSON).")
    static final class Import extends Base {
        @Option(names = "--file", required = true, description = ".shp, .zip of a shapefile, .gpkg or .geojson")
        Path file;

        @Option(names = "--crs", description = "coordinate system of the file when it does not say (EPSG:NNNN)")
        String crs;

        @Option(names = "--encoding", description = "text encoding of a shapefile: GBK or UTF-8")
        String encoding;

        @Option(names = "--layer", description = "table of a GeoPackage or layer of a zip holding several")
        String layer;

        @Override
        void check() {
            if (!Files.isReadable(file)) {
                throw Problem.badRequest("FILE_NOT_FOUND", "找不到文件 " + file, "File not found: " + file);
            }
            if (crs != null) {
                CrsRegistry.parse(crs);
            }
            LayerImports.charset(encoding);
        }

        @Override
        void run(ConfigurableApplicationContext context) {
            GridCells.ImportReport report = context.getBean(GridCells.class)
                    .importFile(
                            file, layer, crs == null ? null : CrsRegistry.parse(crs), LayerImports.charset(encoding));
            System.out.println(JsonText.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report.toMap()));
        }
    }

    @Command(
            name = "sync-parcels",
            mixinStandardHelpOptions = true,
            description = "Bring the basic-farmland parcels in line with the jbnt layer in force; prints the report"
                    + " (JSON).")
    static final class SyncParcels extends Base {
        @Option(names = "--as-of", description = "date whose jbnt layer is used (YYYY-MM-DD, default today)")
        String asOf;

        @Override
        void check() {
            LayerImports.date(asOf);
        }

        @Override
        void run(ConfigurableApplicationContext context) {
            LocalDate date = LayerImports.date(asOf);
            Farmland.SyncReport report = context.getBean(Farmland.class)
                    .syncFromLayer(date != null ? date : LocalDate.now(ZoneId.of("Asia/Shanghai")));
            System.out.println(JsonText.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List the cells: code, level, parent, area (m²), name.")
    static final class ListCells extends Base {
        @Option(names = "--level", description = "TOWN or VILLAGE")
        String level;

        @Option(names = "--parent", description = "only the cells under this code")
        String parent;

        @Override
        void check() {
            level();
        }

        private GridLevel level() {
            if (level == null) {
                return null;
            }
            try {
                return GridLevel.valueOf(level.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Problem.badRequest(
                        "LEVEL_UNKNOWN",
                        "level 的值“" + level + "”无效，可选：COUNTY, TOWN, VILLAGE",
                        "Unknown level \"" + level + "\"; one of COUNTY, TOWN, VILLAGE");
            }
        }

        @Override
        void run(ConfigurableApplicationContext context) {
            for (GridCell c : context.getBean(GridCells.class).list(COUNTY, level(), parent, false)) {
                System.out.printf(
                        Locale.ROOT,
                        "%-12s %-7s %-12s %14.2f %s%n",
                        c.code(),
                        c.level(),
                        c.parentCode() == null ? "-" : c.parentCode(),
                        c.areaM2(),
                        c.name());
            }
        }
    }

    @Command(
            name = "person",
            mixinStandardHelpOptions = true,
            description = "The people of the grid's cells.",
            subcommands = {GridCommand.PersonAdd.class})
    static final class Person {}

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Attach a person to a cell: inspectors, information officers and field chiefs to villages,"
                    + " town officers to towns; prints the new person's id.")
    static final class PersonAdd extends Base {
        @Option(names = "--cell", required = true, description = "12-digit code of the town or village")
        String cell;

        @Option(names = "--duty", required = true, description = "INSPECTOR INFO_OFFICER TOWN_OFFICER FIELD_CHIEF")
        String duty;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--phone", description = "mobile (11 digits) or landline with area code")
        String phone;

        @Option(names = "--username", description = "the person's account, if any")
        String username;

        @Override
        void check() {
            Farmland.Duty.parse(duty);
        }

        @Override
        void run(ConfigurableApplicationContext context) {
            GridPeople.Person p = context.getBean(GridPeople.class)
                    .add(COUNTY, cell, new GridPeople.PersonInput(Farmland.Duty.parse(duty), name, phone, username));
            System.out.println(p.id() + " " + p.duty() + " " + p.name() + " added to " + p.gridCode());
        }
    }
}
