package org.gengbao.server.cli;

import org.gengbao.server.web.Problem;
import org.gengbao.spatial.SpatialInputException;
import picocli.CommandLine;

/** Exit codes and error messages: bad input exits 2 with both messages on standard error; anything else exits 1. */
public final class CommandErrors {
    private CommandErrors() {}

    public static CommandLine configure(CommandLine cl) {
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable cause = unwrap(e);
            if (cause instanceof Problem p) {
                commandLine.getErr().println(p.en());
                commandLine.getErr().println(p.zh());
                return p.status().is4xxClientError() ? 2 : 1;
            }
            if (cause instanceof SpatialInputException s) {
                commandLine.getErr().println(s.getMessage());
                commandLine.getErr().println(s.messageZh());
                return 2;
            }
            commandLine.getErr().println("error: " + cause);
            return 1;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return 2;
        });
        return cl;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof org.springframework.beans.factory.BeanCreationException
                        || t instanceof java.lang.reflect.UndeclaredThrowableException
                        || t instanceof IllegalStateException && t.getCause() instanceof Problem)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
