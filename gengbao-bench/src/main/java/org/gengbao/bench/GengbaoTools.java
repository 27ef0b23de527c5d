package org.gengbao.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the tools jar: {@code bench overlay|jmh}, {@code generate-county}. Exit 0 ok, 2 bad input, 1 else. */
@Command(
        name = "gengbao",
        mixinStandardHelpOptions = true,
        description = "Gengbao tools (the full command line arrives with the server module).",
        subcommands = {BenchCommand.class, GenerateCountyCommand.class})
public final class GengbaoTools {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new GengbaoTools());
        cl.setExitCodeExceptionMapper(e -> e instanceof org.gengbao.spatial.SpatialInputException ? 2 : 1);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof org.gengbao.spatial.SpatialInputException s) {
                commandLine.getErr().println(s.getMessage());
                commandLine.getErr().println(s.messageZh());
                return 2;
            }
            throw e;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return 2;
        });
        return cl;
    }
}
