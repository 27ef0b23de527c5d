package org.gengbao.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import org.gengbao.server.storage.JsonText;

/**
 * One audit entry. Its hash is the SHA-256 of the JSON array [seq, at (UTC, milliseconds), actor, action, target,
 * result, client, details, prevHash], so changing any field, the order or a link breaks the chain.
 */
public record AuditEntry(
        long seq,
        OffsetDateTime at,
        String actor,
        String action,
        String target,
        String result,
        String client,
        String details,
        String prevHash,
        String hash) {

    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    String computeHash() {
        String canonical = JsonText.write(java.util.Arrays.asList(
                seq,
                at.withOffsetSameInstant(ZoneOffset.UTC).format(UTC_MILLIS),
                actor,
                action,
                target,
                result,
                client,
                details,
                prevHash));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> header() {
        return List.of("seq", "at", "actor", "action", "target", "result", "client");
    }
}
