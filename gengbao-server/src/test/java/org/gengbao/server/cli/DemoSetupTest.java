package org.gengbao.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gengbao.server.layers.LayerImports;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
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
        }
        try (ConfigurableApplicationContext context = Context.start(db, false, Map.of())) {
            DemoSetup demo = new DemoSetup(context);
            demo.ensure();
            assertThat(context.getBean(LayerImports.class).list()).hasSize(7);
            assertThat(demo.logins()).hasSize(8);
        }
    }
}
