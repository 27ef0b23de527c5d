package org.gengbao.server.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account table. */
@Repository
class Accounts {
    private static final String COLUMNS =
            "username, display_name, password_hash, role, grid_code, disabled, failed_logins, locked_until";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Account row(ResultSet rs, int rowNum) throws SQLException {
        return new Account(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Role.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getBoolean(6),
                rs.getInt(7),
                rs.getObject(8, OffsetDateTime.class));
    }

    Optional<Account> find(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE username = ?")
                .param(username)
                .query(Accounts::row)
                .optional();
    }

    List<Account> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account ORDER BY username")
                .query(Accounts::row)
                .list();
    }

    void insert(String username, String displayName, String hash, Role role, String gridCode) {
        OffsetDateTime now = now();
        jdbc.sql("INSERT INTO account (username, display_name, password_hash, role, grid_code, disabled, failed_logins,"
                        + " locked_until, created_at, updated_at) VALUES (?, ?, ?, ?, ?, FALSE, 0, NULL, ?, ?)")
                .params(username, displayName, hash, role.name(), gridCode, now, now)
                .update();
    }

    void setPassword(String username, String hash) {
        jdbc.sql("UPDATE account SET password_hash = ?, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE"
                        + " username = ?")
                .params(hash, now(), username)
                .update();
    }

    void setDisabled(String username, boolean disabled) {
        jdbc.sql("UPDATE account SET disabled = ?, updated_at = ? WHERE username = ?")
                .params(disabled, now(), username)
                .update();
    }

    /** Counts a failed login; returns the new count. */
    int failedLogin(String username) {
        jdbc.sql("UPDATE account SET failed_logins = failed_logins + 1 WHERE username = ?")
                .param(username)
                .update();
        return jdbc.sql("SELECT failed_logins FROM account WHERE username = ?")
                .param(username)
                .query(Integer.class)
                .single();
    }

    void lock(String username, OffsetDateTime until) {
        jdbc.sql("UPDATE account SET locked_until = ?, failed_logins = 0 WHERE username = ?")
                .params(until, username)
                .update();
    }

    void loggedIn(String username) {
        jdbc.sql("UPDATE account SET failed_logins = 0, locked_until = NULL WHERE username = ?")
                .param(username)
                .update();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
