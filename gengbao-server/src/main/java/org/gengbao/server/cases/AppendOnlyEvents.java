package org.gengbao.server.cases;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2 trigger refusing updates and deletes of case events (PostgreSQL has the same as a PL/pgSQL trigger). */
public class AppendOnlyEvents implements Trigger {
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("case events are append-only");
    }
}
