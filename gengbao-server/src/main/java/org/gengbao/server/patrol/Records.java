package org.gengbao.server.patrol;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.analysis.Analyses;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.clues.ClueLink;
import org.gengbao.server.clues.Clues;
import org.gengbao.server.clues.Sighting;
import org.gengbao.server.county.Counties;
import org.gengbao.server.grid.GridCells;
import org.gengbao.server.grid.GridLevel;
import org.gengbao.server.grid.GridScope;
import org.gengbao.server.storage.CanonicalJson;
import org.gengbao.server.storage.GengbaoProperties;
import org.gengbao.server.storage.JsonText;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.geom.WorkingPrecision;
import org.gengbao.spatial.io.geojson.GeoJsonGeometries;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Patrol records: the idempotent upload and the views.
 *
 * <p>An upload is keyed by the client's id. The body's content hash (see {@link CanonicalJson}) decides between "same
 * record again" (200) and "another record under a used id" (409). Concurrent retries of one id are settled by the
 * primary key: the record row is inserted first in the transaction, so a second transaction waits on (PostgreSQL) or
 * is refused by (H2) the first one's row; it then rolls back and answers from the stored hash once the winner has
 * committed. Everything the record brings — observations, declared photos, visited parcels, the task's status, clues —
 * is written in that one transaction.
 */
@Service
class Records {
    private static final Logger LOG = LoggerFactory.getLogger(Records.class);
    private static final long SETTLE_MILLIS = 30_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Counties counties;
    private final GridCells cells;
    private final Clues clues;
    private final UploadProperties upload;
    private final GengbaoProperties properties;
    private final AuditLog audit;
    private final PatrolTasks tasks;

    Records(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Counties counties,
            GridCells cells,
            Clues clues,
            UploadProperties upload,
            GengbaoProperties properties,
            AuditLog audit,
            PatrolTasks tasks) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.counties = counties;
        this.cells = cells;
        this.clues = clues;
        this.upload = upload;
        this.properties = properties;
        this.audit = audit;
        this.tasks = tasks;
    }

    /** The answer to an upload: whether it created the record, and the response body. */
    record Outcome(boolean created, ObjectNode body) {}

    /** A stored record's key facts. */
    record Stored(
            String clientId,
            String taskId,
            String inspector,
            String gridCode,
            OffsetDateTime startedAt,
            OffsetDateTime endedAt,
            OffsetDateTime receivedAt,
            String contentSha256,
            double trackLengthM,
            String corrects) {}

    /** Accepts {@code body} (parsed from {@code raw}, the text as received) under {@code clientId}. */
    Outcome put(String clientId, String raw, JsonNode body, CurrentUser user) {
        String hash = CanonicalJson.sha256(body);
        Optional<Outcome> answered = answerFromStored(clientId, hash, user);
        if (answered.isPresent()) {
            return answered.get();
        }
        RecordParser.Parsed record = parser().parse(body);
        boolean completesTask = checkTask(record.taskId(), record.startedAt(), user);
        checkCorrected(clientId, record.corrects(), user);
        long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                Outcome created = tx.execute(status -> insert(clientId, hash, raw, record, completesTask, user));
                audit.record(
                        "PATROL_RECORD_ACCEPTED",
                        clientId,
                        AuditLog.Result.OK,
                        "observations=" + record.observations().size() + " clues="
                                + created.body().get("clues").size() + " trackLengthM=" + record.trackLengthM());
                return created;
            } catch (DataIntegrityViolationException | TransientDataAccessException e) {
                // most likely a concurrent upload of the same id: answer from it once it is committed
                answered = answerFromStored(clientId, hash, user);
                if (answered.isPresent()) {
                    return answered.get();
                }
                if (System.currentTimeMillis() > deadline) {
                    LOG.warn("upload of record {} failed after {} attempts", clientId, attempt, e);
                    throw new Problem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "UPLOAD_BUSY",
                            "记录暂时无法保存，请稍后重试同一上传",
                            "The record cannot be stored just now; retry the same upload later");
                }
                sleep(Math.min(500, 20L * attempt));
            }
        }
    }

    private Optional<Outcome> answerFromStored(String clientId, String hash, CurrentUser user) {
        Optional<Stored> stored = find(clientId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Stored s = stored.get();
        if (!s.contentSha256().equals(hash) || !s.inspector().equals(user.username())) {
            audit.record("PATROL_RECORD_CONFLICT", clientId, AuditLog.Result.REJECTED, "different content");
            throw Problem.conflict(
                    "RECORD_CONFLICT",
                    "clientId“" + clientId + "”已用于另一份内容不同的巡查记录；已接收的记录不可修改，更正请以新的 clientId 上传并在 corrects 中注明",
                    "The clientId \"" + clientId + "\" is already used by a record with different content; accepted"
                            + " records cannot change — upload a correction under a new clientId naming this one in"
                            + " corrects");
        }
        return Optional.of(new Outcome(false, response(s, "UNCHANGED")));
    }

    private Outcome insert(
            String clientId, String hash, String raw, RecordParser.Parsed r, boolean completesTask, CurrentUser user) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        int srid = counties.require().crs().epsg();
        String grid = gridCode(r, user);
        jdbc.sql(
                        "INSERT INTO patrol_record (client_id, task_id, inspector, grid_code, started_at, ended_at, received_at,"
                                + " content_sha256, body, track, track_length_m, corrects)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, ?), ?, ?)")
                .params(
                        clientId,
                        r.taskId(),
                        user.username(),
                        grid,
                        r.startedAt(),
                        r.endedAt(),
                        now,
                        hash,
                        raw,
                        r.track() == null ? null : new WKBWriter().write(r.track()),
                        srid,
                        r.trackLengthM(),
                        r.corrects())
                .update();
        List<String> ids = r.observations().stream()
                .map(RecordParser.Observation::clientId)
                .toList();
        if (!ids.isEmpty()) {
            List<String> taken = jdbc.sql("SELECT client_id FROM patrol_observation WHERE client_id IN (:ids)")
                    .param("ids", ids)
                    .query(String.class)
                    .list();
            if (!taken.isEmpty()) {
                throw Problem.conflict(
                        "OBSERVATION_ID_TAKEN",
                        "观察的 clientId“" + taken.get(0) + "”已属于另一条巡查记录；更正记录中的观察请使用新的 clientId",
                        "The observation clientId \"" + taken.get(0) + "\" already belongs to another patrol record;"
                                + " observations of a correction need new clientIds");
            }
        }
        for (RecordParser.Observation o : r.observations()) {
            jdbc.sql("INSERT INTO patrol_observation (client_id, record_id, kind, geom, note, observed_at)"
                            + " VALUES (?, ?, ?, ST_GeomFromWKB(?, ?), ?, ?)")
                    .params(
                            o.clientId(),
                            clientId,
                            o.kind().name(),
                            new WKBWriter().write(o.geometry()),
                            srid,
                            o.note(),
                            o.observedAt())
                    .update();
            for (RecordParser.Photo p : o.photos()) {
                jdbc.sql("INSERT INTO patrol_photo (observation_id, sha256, record_id, taken_at, bearing)"
                                + " VALUES (?, ?, ?, ?, ?)")
                        .params(o.clientId(), p.sha256(), clientId, p.takenAt(), p.bearing())
                        .update();
            }
        }
        recordVisits(clientId, r, user.username(), srid);
        if (r.taskId() != null && completesTask) {
            jdbc.sql("UPDATE patrol_task SET status = 'DONE', updated_at = ? WHERE id = ?")
                    .params(now, r.taskId())
                    .update();
        }
        for (RecordParser.Observation o : r.observations()) {
            if (o.kind() == RecordParser.Kind.SUSPECTED_VIOLATION) {
                clues.fromPatrol(new Sighting(
                        o.clientId(), clientId, user.username(), o.geometry(), o.geoJson(), o.observedAt()));
            }
        }
        Stored s = new Stored(
                clientId,
                r.taskId(),
                user.username(),
                grid,
                r.startedAt(),
                r.endedAt(),
                now,
                hash,
                r.trackLengthM(),
                r.corrects());
        return new Outcome(true, response(s, "CREATED"));
    }

    /**
     * Basic-farmland parcels whose outline is within the visit distance of the track or of an observation, as visited
     * on the county's local date of the start of the patrol.
     */
    private void recordVisits(String clientId, RecordParser.Parsed r, String inspector, int srid) {
        List<Geometry> near = new ArrayList<>();
        if (r.track() != null) {
            near.add(r.track());
        }
        r.observations().forEach(o -> near.add(o.geometry()));
        Map<String, String> parcels = new LinkedHashMap<>();
        for (Geometry g : near) {
            jdbc.sql("SELECT id, grid_code FROM farmland_parcel WHERE ST_DWithin(geom, ST_GeomFromWKB(?, ?), ?)")
                    .params(new WKBWriter().write(g), srid, upload.visitDistanceM())
                    .query((rs, i) -> parcels.put(rs.getString("id"), rs.getString("grid_code")))
                    .list();
        }
        LocalDate day = r.startedAt().atZoneSameInstant(Analyses.COUNTY_TIME).toLocalDate();
        for (Map.Entry<String, String> p : parcels.entrySet()) {
            jdbc.sql("INSERT INTO parcel_visit (parcel_id, record_id, inspector, grid_code, visited_on)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(p.getKey(), clientId, inspector, p.getValue(), day)
                    .update();
        }
    }

    /** The caller's village, else the village the track (or the first observation) lies in. */
    private String gridCode(RecordParser.Parsed r, CurrentUser user) {
        String own = user.gridCode();
        if (own != null
                && !own.isBlank()
                && GridLevel.ofCode(own) == GridLevel.VILLAGE
                && GridScope.normalize(own).length() == 12) {
            return GridScope.normalize(own);
        }
        if (r.track() != null) {
            Optional<String> v = cells.villageAt(r.track());
            if (v.isPresent()) {
                return v.get();
            }
        }
        for (RecordParser.Observation o : r.observations()) {
            Optional<String> v = cells.villageAt(o.geometry());
            if (v.isPresent()) {
                return v.get();
            }
        }
        return null;
    }

    /**
     * A named task must be the caller's: assigned to them, or (for bureau and field roles) in their cell; returns whether
     * accepting the record completes the task.
     *
     * <p>A task may have been reassigned (TaskChanges.reassign) while its former inspector was out without signal. A
     * record that inspector started while the task was still theirs (by its {@code startedAt}, the phone's clock, against
     * the server's time of the handover) was made legitimately, so it is accepted and belongs to the task; but it does
     * not complete the task, which is now the new assignee's to start and finish (a partial patrol of an inspector who
     * fell ill must not close it; an officer who sees a complete one may cancel the task). A record the former inspector
     * started after the handover is refused with 409 {@code TASK_REASSIGNED}, saying so.
     */
    private boolean checkTask(String taskId, OffsetDateTime startedAt, CurrentUser user) {
        if (taskId == null) {
            return false;
        }
        record Task(String assignee, String gridCode) {}
        Optional<Task> task = jdbc.sql("SELECT assignee, grid_code FROM patrol_task WHERE id = ?")
                .param(taskId)
                .query((rs, i) -> new Task(rs.getString("assignee"), rs.getString("grid_code")))
                .optional();
        boolean mine = task.isPresent()
                && (user.username().equals(task.get().assignee())
                        || (user.role() != Role.INSPECTOR
                                && GridScope.of(user).covers(task.get().gridCode())));
        if (mine) {
            return true;
        }
        if (task.isPresent()) {
            if (tasks.assigneeAt(taskId, startedAt)
                    .filter(user.username()::equals)
                    .isPresent()) {
                return false;
            }
            if (tasks.handovers(taskId).stream().anyMatch(h -> user.username().equals(h.from()))) {
                throw Problem.conflict(
                        "TASK_REASSIGNED",
                        "巡查任务 " + taskId + " 已改派给其他巡查员，改派后开始的巡查记录不能归入该任务",
                        "The patrol task " + taskId + " was reassigned to another inspector; a record started after"
                                + " that cannot belong to it");
            }
        }
        throw Problem.notFound(
                "TASK_NOT_FOUND",
                "找不到你的巡查任务 " + taskId + "（记录只能归入自己的任务）",
                "No patrol task " + taskId + " of yours (a record can only belong to the caller's own task)");
    }

    private void checkCorrected(String clientId, String corrects, CurrentUser user) {
        if (corrects == null) {
            return;
        }
        boolean ok = !corrects.equals(clientId)
                && find(corrects).filter(s -> visible(s, user)).isPresent();
        if (!ok) {
            throw RecordParser.invalid(
                    "CORRECTED_RECORD_UNKNOWN",
                    "corrects 指向的记录“" + corrects + "”不存在或不是你可以更正的记录",
                    "The record \"" + corrects + "\" named in corrects does not exist or is not one you may correct");
        }
    }

    Optional<Stored> find(String clientId) {
        return jdbc.sql("SELECT client_id, task_id, inspector, grid_code, started_at, ended_at, received_at,"
                        + " content_sha256, track_length_m, corrects FROM patrol_record WHERE client_id = ?")
                .param(clientId)
                .query((rs, i) -> new Stored(
                        rs.getString("client_id"),
                        rs.getString("task_id"),
                        rs.getString("inspector"),
                        rs.getString("grid_code"),
                        rs.getObject("started_at", OffsetDateTime.class),
                        rs.getObject("ended_at", OffsetDateTime.class),
                        rs.getObject("received_at", OffsetDateTime.class),
                        rs.getString("content_sha256").trim(),
                        rs.getDouble("track_length_m"),
                        rs.getString("corrects")))
                .optional();
    }

    /** The record if the caller may see it: their own, or (not for inspectors) one in their grid scope. */
    Stored visibleOrNotFound(String clientId, CurrentUser user) {
        return find(clientId).filter(s -> visible(s, user)).orElseThrow(() -> notFound(clientId));
    }

    static boolean visible(Stored s, CurrentUser user) {
        if (s.inspector().equals(user.username())) {
            return true;
        }
        GridScope scope = GridScope.of(user);
        if (scope.ownWorkOnly()) {
            return false;
        }
        return scope.countyWide() || scope.covers(s.gridCode());
    }

    static Problem notFound(String clientId) {
        return Problem.notFound(
                "RECORD_NOT_FOUND", "找不到巡查记录 " + clientId, "No patrol record with clientId " + clientId);
    }

    /** The upload response: status, receipt time, photos still missing, clues, track length. */
    ObjectNode response(Stored s, String status) {
        ObjectNode n = JsonText.MAPPER.createObjectNode();
        n.put("clientId", s.clientId());
        n.put("status", status);
        n.put("receivedAt", s.receivedAt().toString());
        ArrayNode missing = n.putArray("missingPhotos");
        missingPhotos(s.clientId()).forEach(missing::add);
        ArrayNode links = n.putArray("clues");
        for (ClueLink l : clues.linksOf(observationIds(s.clientId()))) {
            ObjectNode c = links.addObject();
            c.put("id", l.clueId());
            c.put("verdict", l.verdict());
            c.put("linked", l.linked());
            c.put("observationId", l.observationId());
        }
        n.put("trackLengthM", s.trackLengthM());
        if (s.corrects() != null) {
            n.put("corrects", s.corrects());
        }
        return n;
    }

    List<String> missingPhotos(String recordId) {
        return jdbc
                .sql("SELECT DISTINCT p.sha256 FROM patrol_photo p WHERE p.record_id = ? AND NOT EXISTS"
                        + " (SELECT 1 FROM patrol_photo_receipt r WHERE r.record_id = p.record_id"
                        + " AND r.sha256 = p.sha256) ORDER BY p.sha256")
                .param(recordId)
                .query(String.class)
                .list()
                .stream()
                .map(String::trim)
                .toList();
    }

    private List<String> observationIds(String recordId) {
        return jdbc.sql("SELECT client_id FROM patrol_observation WHERE record_id = ? ORDER BY client_id")
                .param(recordId)
                .query(String.class)
                .list();
    }

    /** The full view of a stored record. */
    ObjectNode view(Stored s) {
        ObjectNode n = response(s, null);
        n.remove("status");
        n.put("taskId", s.taskId());
        n.put("inspector", s.inspector());
        n.put("gridCode", s.gridCode());
        n.put("startedAt", s.startedAt().toString());
        n.put("endedAt", s.endedAt().toString());
        n.put("contentSha256", s.contentSha256());
        n.put("corrects", s.corrects());
        ArrayNode correctedBy = n.putArray("correctedBy");
        jdbc.sql("SELECT client_id FROM patrol_record WHERE corrects = ? ORDER BY received_at, client_id")
                .param(s.clientId())
                .query(String.class)
                .list()
                .forEach(correctedBy::add);
        byte[] track = jdbc.sql("SELECT ST_AsBinary(track) FROM patrol_record WHERE client_id = ?")
                .param(s.clientId())
                .query(byte[].class)
                .optional()
                .orElse(null);
        n.set(
                "track",
                track == null
                        ? JsonText.MAPPER.nullNode()
                        : GeoJsonGeometries.lonLat(
                                geometry(track), counties.require().crs()));
        ObjectNode stored = (ObjectNode) JsonText.read(jdbc.sql("SELECT body FROM patrol_record WHERE client_id = ?")
                .param(s.clientId())
                .query(String.class)
                .single());
        n.set("trackTimes", stored.has("trackTimes") ? stored.get("trackTimes") : JsonText.MAPPER.nullNode());
        Map<String, ObjectNode> clueOf = new LinkedHashMap<>();
        for (ObjectNode c : iterate((ArrayNode) n.get("clues"))) {
            clueOf.put(c.get("observationId").asString(), c);
        }
        Map<String, List<ObjectNode>> photosOf = new LinkedHashMap<>();
        jdbc.sql("SELECT p.observation_id, p.sha256, p.taken_at, p.bearing, r.received_at, r.size_bytes, r.exif_time,"
                        + " r.exif_lon, r.exif_lat, r.exif_bearing, r.flags FROM patrol_photo p"
                        + " LEFT JOIN patrol_photo_receipt r ON r.record_id = p.record_id AND r.sha256 = p.sha256"
                        + " WHERE p.record_id = ? ORDER BY p.observation_id, p.sha256")
                .param(s.clientId())
                .query((rs, i) -> {
                    ObjectNode p = JsonText.MAPPER.createObjectNode();
                    String sha = rs.getString("sha256").trim();
                    p.put("sha256", sha);
                    p.put("takenAt", text(rs.getObject("taken_at", OffsetDateTime.class)));
                    putNumber(p, "bearing", rs.getObject("bearing"));
                    OffsetDateTime received = rs.getObject("received_at", OffsetDateTime.class);
                    p.put("received", received != null);
                    p.put("receivedAt", text(received));
                    if (received != null) {
                        putNumber(p, "sizeBytes", rs.getObject("size_bytes"));
                        ObjectNode exif = p.putObject("exif");
                        exif.put("time", text(rs.getObject("exif_time", OffsetDateTime.class)));
                        putNumber(exif, "lon", rs.getObject("exif_lon"));
                        putNumber(exif, "lat", rs.getObject("exif_lat"));
                        putNumber(exif, "bearing", rs.getObject("exif_bearing"));
                    }
                    ArrayNode flags = p.putArray("flags");
                    PhotoReceipts.flags(rs.getString("flags")).forEach(flags::add);
                    p.put("href", "/api/v1/patrol/records/" + s.clientId() + "/photos/" + sha);
                    photosOf.computeIfAbsent(rs.getString("observation_id"), k -> new ArrayList<>())
                            .add(p);
                    return p;
                })
                .list();
        ArrayNode observations = n.putArray("observations");
        jdbc.sql("SELECT client_id, kind, ST_AsBinary(geom) AS wkb, note, observed_at FROM patrol_observation"
                        + " WHERE record_id = ? ORDER BY observed_at, client_id")
                .param(s.clientId())
                .query((rs, i) -> {
                    ObjectNode o = observations.addObject();
                    String id = rs.getString("client_id");
                    o.put("clientId", id);
                    o.put("kind", rs.getString("kind"));
                    o.set(
                            "geometry",
                            GeoJsonGeometries.lonLat(
                                    geometry(rs.getBytes("wkb")),
                                    counties.require().crs()));
                    o.put("note", rs.getString("note"));
                    o.put("observedAt", text(rs.getObject("observed_at", OffsetDateTime.class)));
                    ArrayNode photos = o.putArray("photos");
                    photosOf.getOrDefault(id, List.of()).forEach(photos::add);
                    o.set("clue", clueOf.containsKey(id) ? clueOf.get(id) : JsonText.MAPPER.nullNode());
                    return o;
                })
                .list();
        ArrayNode visited = n.putArray("visitedParcels");
        jdbc.sql("SELECT parcel_id FROM parcel_visit WHERE record_id = ? ORDER BY parcel_id")
                .param(s.clientId())
                .query(String.class)
                .list()
                .forEach(visited::add);
        return n;
    }

    /**
     * The condition that limits patrol records to those {@code scope} may see, with its parameters added to {@code
     * params}: an inspector's own; a town's or village's those of its cells and its own; county-wide roles all.
     */
    static String scopeCondition(GridScope scope, Map<String, Object> params) {
        if (scope.ownWorkOnly()) {
            params.put("me", scope.username());
            return "inspector = :me";
        }
        if (!scope.countyWide()) {
            params.put("scope", scope.likePattern());
            params.put("me", scope.username());
            return "(grid_code LIKE :scope OR inspector = :me)";
        }
        return "1 = 1";
    }

    /** Records started on {@code date} (China), of {@code inspector}, within the caller's scope; newest first. */
    ObjectNode list(CurrentUser user, LocalDate date, String inspector, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ").append(scopeCondition(GridScope.of(user), params));
        if (inspector != null) {
            where.append(" AND inspector = :inspector");
            params.put("inspector", inspector);
        }
        if (date != null) {
            where.append(" AND started_at >= :from AND started_at < :to");
            params.put("from", date.atStartOfDay(Analyses.COUNTY_TIME).toOffsetDateTime());
            params.put("to", date.plusDays(1).atStartOfDay(Analyses.COUNTY_TIME).toOffsetDateTime());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM patrol_record" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("offset", (long) page * size);
        params.put("size", size);
        ObjectNode out = JsonText.MAPPER.createObjectNode();
        ArrayNode items = out.putArray("items");
        jdbc.sql("SELECT client_id, task_id, inspector, grid_code, started_at, ended_at, received_at, track_length_m,"
                        + " corrects, (SELECT COUNT(*) FROM patrol_observation o WHERE o.record_id = pr.client_id)"
                        + " AS observations FROM patrol_record pr" + where
                        + " ORDER BY started_at DESC, client_id OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .params(params)
                .query((rs, i) -> {
                    ObjectNode r = items.addObject();
                    r.put("clientId", rs.getString("client_id"));
                    r.put("taskId", rs.getString("task_id"));
                    r.put("inspector", rs.getString("inspector"));
                    r.put("gridCode", rs.getString("grid_code"));
                    r.put("startedAt", text(rs.getObject("started_at", OffsetDateTime.class)));
                    r.put("endedAt", text(rs.getObject("ended_at", OffsetDateTime.class)));
                    r.put("receivedAt", text(rs.getObject("received_at", OffsetDateTime.class)));
                    r.put("trackLengthM", rs.getDouble("track_length_m"));
                    r.put("observations", rs.getLong("observations"));
                    r.put("corrects", rs.getString("corrects"));
                    return r;
                })
                .list();
        out.put("page", page);
        out.put("size", size);
        out.put("total", total);
        return out;
    }

    /** The extent positions of a record must lie in: the grid cells' extent widened by the margin, if any cells. */
    private RecordParser parser() {
        var crs = counties.require().crs();
        Envelope area = cells.extent().orElse(null);
        if (area != null) {
            area.expandBy(upload.countyMarginM());
        }
        return new RecordParser(crs, properties.limits().maxPatchVertices(), upload.maxTrackPoints(), area);
    }

    Geometry geometry(byte[] wkb) {
        try {
            Geometry g =
                    new WKBReader(WorkingPrecision.factory(counties.require().crs())).read(wkb);
            g.setSRID(counties.require().crs().epsg());
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable stored geometry", e);
        }
    }

    private static Iterable<ObjectNode> iterate(ArrayNode a) {
        List<ObjectNode> out = new ArrayList<>();
        a.forEach(n -> out.add((ObjectNode) n));
        return out;
    }

    static void putNumber(ObjectNode n, String name, Object value) {
        if (value == null) {
            n.putNull(name);
        } else if (value instanceof Long || value instanceof Integer) {
            n.put(name, ((Number) value).longValue());
        } else {
            n.put(name, ((Number) value).doubleValue());
        }
    }

    static String text(OffsetDateTime t) {
        return t == null ? null : t.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
