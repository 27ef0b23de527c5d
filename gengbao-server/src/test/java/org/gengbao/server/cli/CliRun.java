package org.gengbao.server.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One run of the command line in the test's JVM: exit code, standard output and the error text. */
public record CliRun(int exit, String out, String err) {

    /** Runs {@code gengbao} with exactly these arguments, capturing standard output and the command's error writer. */
    public static CliRun of(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            var cl = Gengbao.commandLine();
            cl.setErr(new PrintWriter(err, true));
            exit = cl.execute(args);
        } finally {
            System.setOut(out);
        }
        return new CliRun(exit, captured.toString(StandardCharsets.UTF_8), err.toString());
    }
}
