package org.gengbao.spatial.io.shapefile;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the GDAL command-line tools, the independent reader/writer of the tests. Missing GDAL fails the test. */
final class Gdal {
    private Gdal() {}

    /** Runs {@code command} in {@code dir} and returns its standard output; fails unless it exits with 0. */
    static String run(Path dir, String... command) {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile());
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return fail("Cannot run " + command[0] + "; install GDAL (apt-get install gdal-bin): " + e.getMessage());
        }
        try {
            p.getOutputStream().close();
            var err = new java.io.ByteArrayOutputStream();
            Thread t = new Thread(() -> {
                try {
                    p.getErrorStream().transferTo(err);
                } catch (IOException ignored) {
                    // the process is gone
                }
            });
            t.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fail(command[0] + " timed out");
            }
            t.join();
            if (p.exitValue() != 0) {
                return fail(String.join(" ", command) + " failed (" + p.exitValue() + "): "
                        + err.toString(StandardCharsets.UTF_8) + out);
            }
            return out;
        } catch (IOException | InterruptedException e) {
            return fail("Running " + command[0] + " failed", e);
        }
    }
}
