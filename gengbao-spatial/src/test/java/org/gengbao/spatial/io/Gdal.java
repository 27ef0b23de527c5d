package org.gengbao.spatial.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the GDAL command-line tools ({@code ogrinfo}, {@code ogr2ogr}) as the independent reader and writer of interop
 * tests. A missing tool fails the test: CI installs {@code gdal-bin}.
 */
public final class Gdal {
    /** Output of one run. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** Asserts a zero exit code and returns stdout. */
        public String ok() {
            assertThat(exitCode)
                    .as("GDAL exit code; stderr: %s; stdout: %s", stderr, stdout)
                    .isZero();
            return stdout;
        }
    }

    private Gdal() {}

    public static Result ogrinfo(Object... args) {
        return run("ogrinfo", args);
    }

    public static Result ogr2ogr(Object... args) {
        return run("ogr2ogr", args);
    }

    /**
     * Runs GDAL's {@code validate_gpkg.py} with the system Python when both are installed (Debian: python3-gdal);
     * empty otherwise, since the validator is optional.
     */
    public static Optional<Result> validateGeoPackage(Path gpkg) {
        Path script = Path.of("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py");
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isRegularFile(script) || !Files.isExecutable(python)) {
            return Optional.empty();
        }
        Result r = execute(List.of(python.toString(), script.toString(), gpkg.toString()));
        return r.stderr().contains("No module named") ? Optional.empty() : Optional.of(r);
    }

    /** Runs GDAL command-line tool {@code tool} (found on the PATH or in /usr/bin). */
    public static Result run(String tool, Object... args) {
        Path exe = locate(tool);
        List<String> command = new ArrayList<>();
        command.add(exe.toString());
        for (Object a : args) {
            command.add(a.toString());
        }
        return execute(command);
    }

    private static Result execute(List<String> command) {
        String tool = command.get(0);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LC_ALL", "C.UTF-8");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(tool + " did not finish within 120 s: " + command);
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Path locate(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path usrBin = Path.of("/usr/bin", tool);
        if (Files.isExecutable(usrBin)) {
            return usrBin;
        }
        return fail(tool + " (GDAL) is not installed; install gdal-bin to run the interoperability tests");
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
