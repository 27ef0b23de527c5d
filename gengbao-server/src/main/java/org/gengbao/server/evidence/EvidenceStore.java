package org.gengbao.server.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.gengbao.server.storage.GengbaoProperties;
import org.springframework.stereotype.Service;

/**
 * Content-addressed file store: {@code <data>/evidence/ab/cd/abcd…} named by the SHA-256 of the content. Writing
 * streams to a temporary file while hashing, then moves it into place atomically; a second write of the same bytes
 * keeps the first file. Stored files are made read-only.
 */
@Service
public class EvidenceStore {
    private final Path root;

    EvidenceStore(GengbaoProperties properties) {
        this.root = properties.dataDir().resolve("evidence");
    }

    /** Stores the stream's bytes; returns their SHA-256 (lower-case hex). */
    public String put(InputStream content) throws IOException {
        Files.createDirectories(root);
        Path tmp = Files.createTempFile(root, "incoming-", ".tmp");
        try {
            MessageDigest md = sha256();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), md)) {
                content.transferTo(out);
            }
            String hash = HexFormat.of().formatHex(md.digest());
            Path target = pathOf(hash);
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target);
                } catch (FileAlreadyExistsException e) {
                    // stored meanwhile by another request with the same bytes
                }
                target.toFile().setReadOnly();
            }
            return hash;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The SHA-256 of these bytes (lower-case hex), as the store names them. */
    public static String sha256Of(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    public boolean contains(String sha256) {
        return valid(sha256) && Files.exists(pathOf(sha256));
    }

    public Optional<InputStream> open(String sha256) throws IOException {
        if (!contains(sha256)) {
            return Optional.empty();
        }
        return Optional.of(Files.newInputStream(pathOf(sha256)));
    }

    Path pathOf(String sha256) {
        String h = sha256.toLowerCase(Locale.ROOT);
        return root.resolve(h.substring(0, 2)).resolve(h.substring(2, 4)).resolve(h);
    }

    static boolean valid(String sha256) {
        return sha256 != null && sha256.matches("[0-9a-fA-F]{64}");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
