package org.gengbao.postgis;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real PostgreSQL/PostGIS the tests run against: {@code GENGBAO_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}) as {@code GENGBAO_TEST_PG_USER} (default postgres). Each test class
 * works in a schema of its own, dropped afterwards. There is no skipping: without the database the tests fail, and
 * the README's test command installs and enables PostGIS.
 */
final class TestDatabase implements AutoCloseable {
    final PGSimpleDataSource dataSource = new PGSimpleDataSource();
    final String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    TestDatabase() throws SQLException {
        dataSource.setUrl(System.getenv().getOrDefault("GENGBAO_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
        dataSource.setUser(System.getenv().getOrDefault("GENGBAO_TEST_PG_USER", "postgres"));
        String password = System.getenv("GENGBAO_TEST_PG_PASSWORD");
        if (password != null) {
            dataSource.setPassword(password);
        }
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
