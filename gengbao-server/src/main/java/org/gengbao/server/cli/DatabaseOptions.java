package org.gengbao.server.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the data is: the embedded database in a data directory (default {@code ./data}), or PostgreSQL + PostGIS by
 * JDBC URL (then the data directory still holds the evidence files).
 */
public final class DatabaseOptions {
    @Option(names = "--data", description = "data directory (embedded database, evidence files); default ./data")
    Path data;

    @Option(names = "--db-url", description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://host:5432/gengbao")
    String dbUrl;

    @Option(names = "--db-user", description = "PostgreSQL user")
    String dbUser;

    @Option(names = "--db-password", description = "PostgreSQL password", interactive = false)
    String dbPassword;

    /** The Spring properties for these options. */
    public Map<String, Object> springProperties() {
        Path dir = (data != null ? data : Path.of("data")).toAbsolutePath().normalize();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("gengbao.data-dir", dir.toString());
        if (dbUrl != null) {
            p.put("spring.datasource.url", dbUrl);
            p.put("spring.datasource.username", dbUser != null ? dbUser : "");
            p.put("spring.datasource.password", dbPassword != null ? dbPassword : "");
        } else {
            p.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("gengbao") + ";AUTO_SERVER=TRUE");
            p.put("spring.datasource.username", "sa");
            p.put("spring.datasource.password", "");
        }
        return p;
    }

    public String describe() {
        return dbUrl != null
                ? dbUrl
                : "embedded database in " + (data != null ? data : Path.of("data")).toAbsolutePath();
    }
}
