package org.gengbao.server.documents;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 trigger refusing updates and deletes of issued documents (PostgreSQL has the same as a PL/pgSQL trigger). Public
 * only because H2 instantiates it by name.
 */
public class DocumentAppendOnlyTrigger implements Trigger {
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("issued documents are append-only");
    }
}
