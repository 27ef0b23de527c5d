package org.gengbao.server.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2 trigger refusing updates and deletes of audit entries (PostgreSQL has the same as a PL/pgSQL trigger). */
public class AppendOnlyTrigger implements Trigger {
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit entries are append-only");
    }
}
