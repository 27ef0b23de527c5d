package org.gengbao.server.patrol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.county.Counties;
import org.gengbao.server.evidence.EvidenceStore;
import org.gengbao.server.storage.JsonText;
import org.gengbao.server.web.LimitedBody;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.crs.ChinaExtent;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.CrsTransform;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Photos of patrol records. A photo is uploaded to the record that declared it, by the record's inspector (or an
 * officer); its bytes must hash to the declared SHA-256 and be an image. The bytes go to the content-addressed
 * evidence store, and a receipt keeps the server time and what the EXIF says — with flags where it casts doubt on the
 * photo: taken far from its observation, outside the patrol, or without time or position. Flagged photos are kept
 * and shown with their flags.
 */
@Service
class PhotoReceipts {
    /** Doubts about a photo. */
    enum Flag {
        EXIF_POSITION_FAR,
        EXIF_TIME_OUTSIDE_PATROL,
        NO_EXIF_TIME,
        NO_EXIF_POSITION
    }

    private final JdbcClient jdbc;
    private final Records records;
    private final EvidenceStore evidence;
    private final Counties counties;
    private final UploadProperties upload;
    private final AuditLog audit;

    PhotoReceipts(
            JdbcClient jdbc,
            Records records,
            EvidenceStore evidence,
            Counties counties,
            UploadProperties upload,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.records = records;
        this.evidence = evidence;
        this.counties = counties;
        this.upload = upload;
        this.audit = audit;
    }

    record Outcome(boolean created, ObjectNode body) {}

    record Receipt(
            OffsetDateTime receivedAt,
            long sizeBytes,
            OffsetDateTime exifTime,
            Double exifLon,
            Double exifLat,
            Double exifBearing,
            List<String> flags) {}

    Outcome put(String recordId, String sha256, InputStream content, long declaredLength, CurrentUser user)
            throws IOException {
        Records.Stored record = records.visibleOrNotFound(recordId, user);
        if (!record.inspector().equals(user.username()) && user.role() != Role.OFFICER && user.role() != Role.ADMIN) {
            throw new Problem(
                    HttpStatus.FORBIDDEN,
                    "PHOTO_UPLOAD_FORBIDDEN",
                    "只有记录的巡查员（或执法人员）可以上传它的照片",
                    "Only the record's inspector (or an officer) may upload its photos");
        }
        String sha = normalize(sha256);
        if (!declared(recordId, sha)) {
            throw Problem.notFound(
                    "PHOTO_NOT_DECLARED",
                    "巡查记录 " + recordId + " 没有声明照片 " + sha + "；请先在记录的观察中列出它",
                    "Patrol record " + recordId + " declares no photo " + sha + "; list it in an observation of the"
                            + " record first");
        }
        byte[] bytes =
                LimitedBody.read(content, declaredLength, upload.maxPhotoBytes(), "PHOTO_TOO_LARGE", "照片", "The photo");
        String actual = EvidenceStore.sha256Of(bytes);
        if (!actual.equals(sha)) {
            audit.record("PHOTO_REJECTED", recordId + "/" + sha, AuditLog.Result.REJECTED, "hash " + actual);
            throw new Problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "PHOTO_HASH_MISMATCH",
                    "照片内容的 SHA-256 为 " + actual + "，与地址中的 " + sha + " 不符；照片未保存（传输可能出错，请重新上传）",
                    "The SHA-256 of the photo's bytes is " + actual + ", not " + sha + " as in the address; nothing"
                            + " was stored (the transfer may have failed; upload again)");
        }
        Optional<Receipt> existing = receipt(recordId, sha);
        if (existing.isPresent()) {
            return new Outcome(false, body(recordId, sha, "UNCHANGED", existing.get()));
        }
        PhotoExif exif;
        try {
            exif = PhotoExif.read(bytes);
        } catch (PhotoExif.NotAnImage e) {
            throw new Problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "PHOTO_NOT_AN_IMAGE",
                    "上传的内容不是可识别的图片（如 JPEG、HEIC、PNG）",
                    "The upload is not an image in a known format (such as JPEG, HEIC or PNG)");
        }
        String stored = evidence.put(new ByteArrayInputStream(bytes));
        if (!stored.equals(sha)) {
            throw new IllegalStateException("evidence store hashed " + stored + " for " + sha);
        }
        List<String> flags = flags(record, recordId, sha, exif);
        Receipt receipt = new Receipt(
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS),
                bytes.length,
                exif.time(),
                exif.lon(),
                exif.lat(),
                exif.bearing(),
                flags);
        try {
            jdbc.sql(
                            "INSERT INTO patrol_photo_receipt (record_id, sha256, received_at, size_bytes, exif_time, exif_lon,"
                                    + " exif_lat, exif_bearing, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            recordId,
                            sha,
                            receipt.receivedAt(),
                            receipt.sizeBytes(),
                            receipt.exifTime(),
                            receipt.exifLon(),
                            receipt.exifLat(),
                            receipt.exifBearing(),
                            String.join(",", flags))
                    .update();
        } catch (DataIntegrityViolationException e) {
            // the same photo arrived meanwhile through a concurrent retry
            return new Outcome(
                    false,
                    body(recordId, sha, "UNCHANGED", receipt(recordId, sha).orElseThrow(() -> e)));
        }
        audit.record(
                "PHOTO_RECEIVED",
                recordId + "/" + sha,
                AuditLog.Result.OK,
                "bytes=" + bytes.length + " flags=" + String.join(",", flags));
        return new Outcome(true, body(recordId, sha, "CREATED", receipt));
    }

    /** The stored bytes of a received photo and their media type; not found unless the caller may see the record. */
    record Download(InputStream content, String mediaType, long sizeBytes) {}

    Download get(String recordId, String sha256, CurrentUser user) throws IOException {
        records.visibleOrNotFound(recordId, user);
        String sha = normalize(sha256);
        Optional<Receipt> receipt = receipt(recordId, sha);
        Optional<InputStream> in = receipt.isPresent() ? evidence.open(sha) : Optional.empty();
        if (in.isEmpty()) {
            throw Problem.notFound(
                    "PHOTO_NOT_FOUND",
                    "巡查记录 " + recordId + " 还没有收到照片 " + sha,
                    "Patrol record " + recordId + " has not received a photo " + sha);
        }
        byte[] head;
        try (InputStream peek = evidence.open(sha).orElseThrow()) {
            head = peek.readNBytes(64);
        }
        return new Download(in.get(), PhotoExif.mediaType(head), receipt.get().sizeBytes());
    }

    private List<String> flags(Records.Stored record, String recordId, String sha, PhotoExif exif) {
        List<String> flags = new ArrayList<>();
        if (exif.lon() == null || exif.lat() == null) {
            flags.add(Flag.NO_EXIF_POSITION.name());
        } else if (farFromObservation(recordId, sha, exif.lon(), exif.lat())) {
            flags.add(Flag.EXIF_POSITION_FAR.name());
        }
        if (exif.time() == null) {
            flags.add(Flag.NO_EXIF_TIME.name());
        } else if (exif.time().isBefore(record.startedAt().minus(upload.photoTimeTolerance()))
                || exif.time().isAfter(record.endedAt().plus(upload.photoTimeTolerance()))) {
            flags.add(Flag.EXIF_TIME_OUTSIDE_PATROL.name());
        }
        return flags;
    }

    /** Whether the EXIF position is farther than the limit from every observation that declared the photo. */
    private boolean farFromObservation(String recordId, String sha, double lon, double lat) {
        if (!ChinaExtent.contains(lon, lat)) {
            return true;
        }
        double[] xy = {lon, lat};
        var crs = counties.require().crs();
        CrsTransform.between(CrsRegistry.CGCS2000, crs).apply(xy);
        Point at = WorkingPrecision.factory(crs).createPoint(new Coordinate(xy[0], xy[1]));
        List<Geometry> observed = jdbc.sql("SELECT ST_AsBinary(o.geom) FROM patrol_observation o JOIN patrol_photo p"
                        + " ON p.observation_id = o.client_id WHERE p.record_id = ? AND p.sha256 = ?")
                .params(recordId, sha)
                .query((rs, i) -> records.geometry(rs.getBytes(1)))
                .list();
        return observed.stream().allMatch(g -> g.distance(at) > upload.photoMaxDistanceM());
    }

    private boolean declared(String recordId, String sha) {
        return jdbc.sql("SELECT COUNT(*) FROM patrol_photo WHERE record_id = ? AND sha256 = ?")
                        .params(recordId, sha)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<Receipt> receipt(String recordId, String sha) {
        return jdbc.sql("SELECT received_at, size_bytes, exif_time, exif_lon, exif_lat, exif_bearing, flags"
                        + " FROM patrol_photo_receipt WHERE record_id = ? AND sha256 = ?")
                .params(recordId, sha)
                .query((rs, i) -> new Receipt(
                        rs.getObject("received_at", OffsetDateTime.class),
                        rs.getLong("size_bytes"),
                        rs.getObject("exif_time", OffsetDateTime.class),
                        (Double) rs.getObject("exif_lon", Double.class),
                        (Double) rs.getObject("exif_lat", Double.class),
                        (Double) rs.getObject("exif_bearing", Double.class),
                        flags(rs.getString("flags"))))
                .optional();
    }

    private ObjectNode body(String recordId, String sha, String status, Receipt r) {
        ObjectNode n = JsonText.MAPPER.createObjectNode();
        n.put("recordId", recordId);
        n.put("sha256", sha);
        n.put("status", status);
        n.put("receivedAt", r.receivedAt().toString());
        n.put("sizeBytes", r.sizeBytes());
        ObjectNode exif = n.putObject("exif");
        exif.put("time", Records.text(r.exifTime()));
        Records.putNumber(exif, "lon", r.exifLon());
        Records.putNumber(exif, "lat", r.exifLat());
        Records.putNumber(exif, "bearing", r.exifBearing());
        ArrayNode flags = n.putArray("flags");
        r.flags().forEach(flags::add);
        ArrayNode missing = n.putArray("missingPhotos");
        records.missingPhotos(recordId).forEach(missing::add);
        return n;
    }

    /** The flags stored as a comma-separated list. */
    static List<String> flags(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String normalize(String sha256) {
        if (sha256 == null || !RecordParser.SHA256.matcher(sha256).matches()) {
            throw Problem.badRequest(
                    "PHOTO_HASH_INVALID",
                    "地址中的照片标识应为 64 位十六进制的 SHA-256",
                    "The photo in the address must be named by its SHA-256 in 64 hexadecimal digits");
        }
        return sha256.toLowerCase(Locale.ROOT);
    }
}
