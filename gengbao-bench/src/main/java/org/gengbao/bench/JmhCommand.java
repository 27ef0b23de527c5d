package org.gengbao.bench;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code bench jmh [JMH options]}: runs the JMH benchmarks of the single-patch path (see {@link SinglePatchJmh}). */
@Command(
        name = "jmh",
        description = "Run the JMH benchmarks of the single-patch path; JMH options pass through, e.g. -f 1 -wi 3 -i 5")
final class JmhCommand implements Callable<Integer> {
    @Unmatched
    List<String> jmhArgs = new java.util.ArrayList<>();

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
