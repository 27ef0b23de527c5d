package org.gengbao.spatial.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external program (PROJ's cs2cs, GDAL's ogrinfo) for oracle tests; fails the test if it is missing. */
public final class ExternalTool {
    private ExternalTool() {}

    /** Runs {@code command} with {@code stdin}, returning stdout; throws with stderr on a non-zero exit. */
    public static String run(List<String> command, String stdin) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command.get(0) + " timed out");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(
                        command + " exited with " + p.exitValue() + ": " + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(
                    command.get(0) + " is not available (" + e.getMessage()
                            + "); install it (the test command of the README does)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
