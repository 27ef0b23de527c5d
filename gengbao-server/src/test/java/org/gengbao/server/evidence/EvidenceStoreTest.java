package org.gengbao.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.gengbao.server.storage.GengbaoProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceStoreTest {
    @TempDir
    Path dir;

    private EvidenceStore store() {
        return new EvidenceStore(
                new GengbaoProperties(dir, null, null, new GengbaoProperties.Layers(Duration.ZERO), null));
    }

    @Test
    void filesAreStoredOnceUnderTheirSha256AndReadOnly() throws Exception {
        EvidenceStore s = store();
        byte[] photo = "照片 bytes".getBytes(StandardCharsets.UTF_8);
        String hash = s.put(new ByteArrayInputStream(photo));
        assertThat(hash)
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(photo)));
        assertThat(s.put(new ByteArrayInputStream(photo))).isEqualTo(hash);
        Path file = s.pathOf(hash);
        assertThat(file).hasBinaryContent(photo);
        assertThat(file.getParent().getFileName().toString()).isEqualTo(hash.substring(2, 4));
        assertThat(Files.getPosixFilePermissions(file))
                .doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        try (var in = s.open(hash).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(photo);
        }
        assertThat(s.contains("0".repeat(64))).isFalse();
        assertThat(s.contains("../../etc/passwd")).isFalse();
        try (var files = Files.list(dir.resolve("evidence"))) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp")))
                    .isEmpty();
        }
    }
}
