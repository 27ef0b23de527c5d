package org.gengbao.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The database of a test run, chosen by the system property {@code gengbao.test.db}: {@code h2} (embedded, in
 * memory, H2GIS) or {@code postgresql} (a fresh schema in the PostgreSQL of {@code GENGBAO_TEST_PG_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test} as postgres; dropped when the JVM ends). The build runs the database
 * tests once with each.
 */
public final class TestDatabase {
    public final boolean postgresql;
    public final String url;
    public final String user;
    public final String password;
    public final Path dataDir;

    private TestDatabase(boolean postgresql, String url, String user, String password, Path dataDir) {
        this.postgresql = postgresql;
        this.url = url;
        this.user = user;
        this.password = password;
        this.dataDir = dataDir;
    }

    public static TestDatabase create() {
        try {
            Path data = Files.createTempDirectory("gengbao-test-data-");
            String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            if (!"postgresql".equals(System.getProperty("gengbao.test.db", "h2"))) {
                return new TestDatabase(false, "jdbc:h2:mem:gengbao_" + id + ";DB_CLOSE_DELAY=-1", "sa", "", data);
            }
            String base = System.getenv().getOrDefault("GENGBAO_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
            String user = System.getenv().getOrDefault("GENGBAO_TEST_PG_USER", "postgres");
            String password = System.getenv().getOrDefault("GENGBAO_TEST_PG_PASSWORD", "");
            String schema = "t_" + id;
            try (Connection c = DriverManager.getConnection(base, user, password);
                    Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
                s.execute("CREATE SCHEMA " + schema);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Connection c = DriverManager.getConnection(base, user, password);
                        Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                } catch (Exception e) {
                    // best effort
                }
            }));
            String sep = base.contains("?") ? "&" : "?";
            return new TestDatabase(true, base + sep + "currentSchema=" + schema + ",public", user, password, data);
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the test database", e);
        }
    }

    /** The Spring properties pointing at this database. */
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", url);
        p.put("spring.datasource.username", user);
        p.put("spring.datasource.password", password);
        p.put("gengbao.data-dir", dataDir.toString());
        return p;
    }

    /** The command-line options for this database (for CLI tests). */
    public String[] cliOptions() {
        return postgresql
                ? new String[] {
                    "--db-url", url, "--db-user", user, "--db-password", password, "--data", dataDir.toString()
                }
                : new String[] {"--data", dataDir.toString()};
    }
}
