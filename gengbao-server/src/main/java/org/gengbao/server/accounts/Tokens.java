package org.gengbao.server.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.gengbao.server.storage.GengbaoProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Opaque bearer tokens: 256 random bits, given to the client once; the database keeps only their SHA-256, the account
 * and the expiry, so every node sharing the database accepts them and a leaked table does not leak tokens.
 */
@Service
class Tokens {
    /** A token just issued. */
    record Issued(String token, OffsetDateTime expiresAt) {}

    /** What a presented token resolves to. */
    sealed interface Check permits Valid, Expired, Unknown {}

    record Valid(String username) implements Check {}

    record Expired() implements Check {}

    record Unknown() implements Check {}

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final GengbaoProperties properties;

    Tokens(JdbcClient jdbc, GengbaoProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    Issued issue(String username) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime expires = now.plus(properties.tokens().lifetime());
        jdbc.sql("INSERT INTO auth_token (token_hash, username, issued_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(hash(token), username, now, expires)
                .update();
        jdbc.sql("DELETE FROM auth_token WHERE expires_at < ?")
                .param(now.minusDays(1))
                .update();
        return new Issued(token, expires);
    }

    Check check(String token) {
        Optional<Object[]> row = jdbc.sql("SELECT username, expires_at FROM auth_token WHERE token_hash = ?")
                .param(hash(token))
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getObject(2, OffsetDateTime.class)})
                .optional();
        if (row.isEmpty()) {
            return new Unknown();
        }
        if (((OffsetDateTime) row.get()[1]).isBefore(OffsetDateTime.now(ZoneOffset.UTC))) {
            return new Expired();
        }
        return new Valid((String) row.get()[0]);
    }

    /** Ends every session of an account (password change, disabling). */
    void revokeAll(String username) {
        jdbc.sql("DELETE FROM auth_token WHERE username = ?").param(username).update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
