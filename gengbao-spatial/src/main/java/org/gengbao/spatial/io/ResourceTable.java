package org.gengbao.spatial.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small comma-separated table shipped as a class-path resource (UTF-8; blank lines and lines starting with {@code #}
 * are comments; no quoting). Such tables are part of the program, so a missing one is an error, not bad input.
 */
public final class ResourceTable {
    private ResourceTable() {}

    /** The rows of resource {@code name} next to {@code anchor}, split at commas. */
    public static List<String[]> rows(Class<?> anchor, String name) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " of " + anchor.getName() + " is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split(","));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
