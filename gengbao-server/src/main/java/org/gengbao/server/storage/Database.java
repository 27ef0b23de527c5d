package org.gengbao.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Which database the server runs on. The SQL of the modules is the same for both; only migrations differ. */
@Component
public class Database {
    /** The supported vendors. */
    public enum Vendor {
        H2,
        POSTGRESQL
    }

    private final Vendor vendor;

    public Database(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            this.vendor = product.contains("postgres") ? Vendor.POSTGRESQL : Vendor.H2;
        }
    }

    public Vendor vendor() {
        return vendor;
    }
}
