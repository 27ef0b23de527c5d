package org.gengbao.server.cli;

import org.gengbao.bench.BenchCommand;
import org.gengbao.bench.GenerateCountyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gengbao} command (api.md, "Command line"): serve, import-layer, analyze, county, user, audit, bench
 * (overlay, jmh, tiles), generate-county. Exit codes: 0 ok, 2 bad input (message on standard error), 1 anything else.
 */
@Command(
        name = "gengbao",
        mixinStandardHelpOptions = true,
        version = "Gengbao 0.1.0",
        description = "Farmland-protection enforcement platform (耕保): server and operator commands.",
        subcommands = {
            ServeCommand.class,
            ImportLayerCommand.class,
            AnalyzeCommand.class,
            CountyCommand.class,
            UserCommand.class,
            GridCommand.class,
            AuditCommand.class,
            PatrolCommand.class,
            BenchCommand.class,
            GenerateCountyCommand.class
        })
public final class Gengbao {
    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0 || !ServeCommand.isServing()) {
            System.exit(code);
        }
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Gengbao());
        // bench tiles needs the server (database, map module), so it joins the tools' bench command here
        cl.getSubcommands().get("bench").addSubcommand("tiles", new TileBenchCommand());
        return CommandErrors.configure(cl);
    }
}
