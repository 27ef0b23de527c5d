package org.gengbao.bench;

import picocli.CommandLine.Command;

/** {@code bench}: the benchmarks. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks.",
        subcommands = {OverlayBench.class, JmhCommand.class})
public final class BenchCommand {}
