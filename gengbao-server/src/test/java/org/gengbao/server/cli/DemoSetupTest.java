package org.gengbao.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.gengbao.server.accounts.AccountAdmin;
import org.gengbao.server.analysis.Analyses;
import org.gengbao.server.grid.Farmland;
import org.gengbao.server.grid.GridCells;
import org.gengbao.server.grid.GridLevel;
import org.gengbao.server.layers.LayerImports;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

/** {@code serve --demo} on an empty data directory creates the demo county and accounts; starting again reuses them. */
class DemoSetupTest {

    @Test
    void createsOnceAndReuses() throws Exception {
        Path data = Files.createTempDirectory("gengbao-demo-");
        DatabaseOptions db = new DatabaseOptions();
        new CommandLine(db).parseArgs("--data", data.toString());
        try (ConfigurableApplicationContext context = Context.start(db, false, Map.of())) {
            DemoSetup demo = new DemoSetup(context);
            demo.ensure();
            assertThat(context.getBean(LayerImports.class).list()).hasSize(7);
            assertThat(demo.logins())
                    .hasSize(8)
                    .anySatisfy(l -> assertThat(l).startsWith("admin").contains("admin-demo-2026"));
            assertThat(data.resolve("demo-county/dltb.shp")).exists();
            assertThat(context.getBean(GridCells.class).count()).isGreaterThan(10);
            assertThat(context.getBean(Farmland.class).count()).isGreaterThan(100);
            String inspectorGrid = context.getBean(AccountAdmin.class).list().stream()
                    .filter(a -> a.username().equals("inspector"))
                    .findFirst()
                    .orElseThrow()
                    .gridCode();
            assertThat(GridLevel.ofCode(inspectorGrid)).isEqualTo(GridLevel.VILLAGE);
            assertThat(tasksToday(context))
                    .as("the demo inspector has a task today")
                    .isEqualTo(1);
        }
        try (ConfigurableApplicationContext context = Context.start(db, false, Map.of())) {
            DemoSetup demo = new DemoSetup(context);
            demo.ensure();
            assertThat(context.getBean(LayerImports.class).list()).hasSize(7);
            assertThat(demo.logins()).hasSize(8);
            assertThat(tasksToday(context))
                    .as("starting again plans nothing twice")
                    .isEqualTo(1);
        }
    }

    private static int tasksToday(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM patrol_task WHERE assignee = 'inspector' AND task_date = ?")
                .param(LocalDate.now(Analyses.COUNTY_TIME))
                .query(Integer.class)
                .single();
    }
}
