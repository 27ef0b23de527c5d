package org.gengbao.bench;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bench jmh [JMH options]}: runs the JMH benchmarks of the single-patch path (see {@link SinglePatchJmh}). */
@Command(name = "jmh", description = "Run the JMH benchmarks of the single-patch path (JMH options pass through).")
final class JmhCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", description = "options for JMH, e.g. -f 1 -wi 3 -i 5")
    List<String> jmhArgs = List.of();

    @Override
    public Integer call() throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(jmhArgs);
        if (args.stream().noneMatch(a -> !a.startsWith("-"))) {
            args.add(SinglePatchJmh.class.getName());
        }
        org.openjdk.jmh.Main.main(args.toArray(String[]::new));
        return 0;
    }
}
