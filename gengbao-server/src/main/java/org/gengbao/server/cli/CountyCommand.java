package org.gengbao.server.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.county.Counties;
import org.gengbao.server.county.County;
import org.gengbao.server.layers.LayerImports;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gengbao county --code CODE --name NAME --crs EPSG:NNNN}: create or update the county being served. */
@Command(name = "county", mixinStandardHelpOptions = true, description = "Create or update the county being served.")
public final class CountyCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Option(names = "--code", required = true, description = "6-digit administrative code, e.g. 371399")
    String code;

    @Option(names = "--name", required = true, description = "county name, e.g. 某某县")
    String name;

    @Option(names = "--crs", required = true, description = "working Gauss-Krüger zone, e.g. EPSG:4527")
    String crs;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = Context.start(db, false, Map.of())) {
            County[] saved = new County[1];
            AuditLog.asCommandLine(
                    Context.actor(),
                    () -> saved[0] = context.getBean(Counties.class)
                            .save(
                                    code,
                                    name,
                                    crs,
                                    context.getBean(LayerImports.class).anyLayers()));
            System.out.println("county " + saved[0].code() + " " + saved[0].name() + " "
                    + saved[0].crs().code() + " (" + saved[0].crs().name() + ")");
        }
        return 0;
    }
}
