package org.gengbao.server.cases;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.evidence.EvidenceStore;
import org.gengbao.server.storage.JsonText;
import org.gengbao.server.web.LimitedBody;
import org.gengbao.server.web.Problem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Photos uploaded for a case (the result of a performance or an execution): the bytes go to the evidence store, a
 * {@code case_evidence} row records the case, the uploader and when. A transition may name a photo only when it is
 * evidence of its case (uploaded for it, or a photo of its clues) or was uploaded by the acting user — never any hash
 * that happens to be in the store, so a case cannot be used to show another case's or another village's photos.
 */
@Component
class CaseEvidence {
    private final JdbcClient jdbc;
    private final EvidenceStore store;
    private final CasePhotoProperties properties;
    private final AuditLog audit;

    CaseEvidence(JdbcClient jdbc, EvidenceStore store, CasePhotoProperties properties, AuditLog audit) {
        this.jdbc = jdbc;
        this.store = store;
        this.properties = properties;
        this.audit = audit;
    }

    /** A photo uploaded for a case. */
    record Upload(
            String caseId, String sha256, String mediaType, long sizeBytes, String uploadedBy, OffsetDateTime at) {
        ObjectNode json() {
            ObjectNode n = JsonText.MAPPER.createObjectNode();
            n.put("sha256", sha256);
            n.put("mediaType", mediaType);
            n.put("sizeBytes", sizeBytes);
            n.put("uploadedBy", uploadedBy);
            n.put("uploadedAt", at.toString());
            n.put("href", "/api/v1/cases/" + caseId + "/evidence/" + sha256);
            return n;
        }
    }

    /** The answer of an upload: whether it was new. */
    record Outcome(boolean created, Upload upload) {}

    /**
     * Stores the photo's bytes for the case (which the caller has been checked to see). The bytes must hash to {@code
     * sha256} and be a JPEG or PNG image (what the documents can print); a second upload of the same photo for the case
     * changes nothing.
     */
    @Transactional
    Outcome put(CurrentUser user, String caseId, String sha256, InputStream content, long declaredLength)
            throws IOException {
        String sha = sha256.toLowerCase(Locale.ROOT);
        if (!sha.matches("[0-9a-f]{64}")) {
            throw Problem.badRequest(
                    "PARAMETER_INVALID",
                    "照片地址应为其 SHA-256（64 位十六进制），收到“" + sha256 + "”",
                    "The photo's address must be its SHA-256 (64 hex digits); got \"" + sha256 + "\"");
        }
        byte[] bytes =
                LimitedBody.read(content, declaredLength, properties.maxBytes(), "PHOTO_TOO_LARGE", "照片", "The photo");
        String actual = EvidenceStore.sha256Of(bytes);
        if (!actual.equals(sha)) {
            throw new Problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "PHOTO_HASH_MISMATCH",
                    "照片内容的 SHA-256 为 " + actual + "，与地址中的 " + sha + " 不符；照片未保存（传输可能出错，请重新上传）",
                    "The SHA-256 of the photo's bytes is " + actual + ", not " + sha + " as in the address; nothing was"
                            + " stored (the transfer may have failed; upload again)");
        }
        String mediaType = mediaType(bytes)
                .orElseThrow(() -> new Problem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "PHOTO_NOT_AN_IMAGE",
                        "上传的内容不是 JPEG 或 PNG 图片",
                        "The upload is not a JPEG or PNG image"));
        Optional<Upload> existing = find(caseId, sha);
        if (existing.isPresent()) {
            return new Outcome(false, existing.get());
        }
        String stored = store.put(new ByteArrayInputStream(bytes));
        if (!stored.equals(sha)) {
            throw new IllegalStateException("evidence store hashed " + stored + " for " + sha);
        }
        Upload upload = new Upload(
                caseId,
                sha,
                mediaType,
                bytes.length,
                user.username(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
        try {
            jdbc.sql("INSERT INTO case_evidence (case_id, sha256, media_type, size_bytes, uploaded_by, uploaded_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(caseId, sha, mediaType, upload.sizeBytes(), upload.uploadedBy(), upload.at())
                    .update();
        } catch (DuplicateKeyException e) {
            // the same photo arrived meanwhile through a concurrent retry
            return new Outcome(false, find(caseId, sha).orElseThrow(() -> e));
        }
        audit.record("CASE_EVIDENCE_RECEIVED", "case/" + caseId, AuditLog.Result.OK, sha + " bytes=" + bytes.length);
        return new Outcome(true, upload);
    }

    /** Whether a transition of the case by {@code username} may name this photo (uploaded for the case or by them). */
    boolean mayName(String caseId, String username, String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM case_evidence WHERE sha256 = ? AND (case_id = ? OR uploaded_by = ?)")
                        .params(sha256, caseId, username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<Upload> find(String caseId, String sha256) {
        return jdbc.sql("SELECT case_id, sha256, media_type, size_bytes, uploaded_by, uploaded_at FROM case_evidence"
                        + " WHERE case_id = ? AND sha256 = ?")
                .params(caseId, sha256)
                .query(CaseEvidence::map)
                .optional();
    }

    List<Upload> ofCase(String caseId) {
        return jdbc.sql("SELECT case_id, sha256, media_type, size_bytes, uploaded_by, uploaded_at FROM case_evidence"
                        + " WHERE case_id = ? ORDER BY uploaded_at, sha256")
                .param(caseId)
                .query(CaseEvidence::map)
                .list();
    }

    /** The media type a photo was uploaded with (to any case), if it was uploaded to a case. */
    Optional<String> mediaTypeOf(String sha256) {
        return jdbc
                .sql("SELECT media_type FROM case_evidence WHERE sha256 = ? ORDER BY uploaded_at")
                .param(sha256)
                .query(String.class)
                .list()
                .stream()
                .findFirst();
    }

    private static Upload map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Upload(
                rs.getString("case_id"),
                rs.getString("sha256").trim(),
                rs.getString("media_type"),
                rs.getLong("size_bytes"),
                rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class));
    }

    /** image/jpeg or image/png by the file's signature. */
    static Optional<String> mediaType(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (b.length > png.length && java.util.Arrays.equals(b, 0, png.length, png, 0, png.length)) {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }
}
