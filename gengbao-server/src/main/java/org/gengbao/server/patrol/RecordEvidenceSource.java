package org.gengbao.server.patrol;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gengbao.server.clues.ClueEvidence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The observations behind clues, with their record, inspector and photos (receipt time and flags included). */
@Component
class RecordEvidenceSource implements ClueEvidence {
    private final JdbcClient jdbc;

    RecordEvidenceSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Observation> observations(Collection<String> observationIds) {
        if (observationIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = List.copyOf(observationIds);
        Map<String, List<Photo>> photos = new HashMap<>();
        jdbc.sql("SELECT p.observation_id, p.sha256, p.taken_at, p.bearing, r.received_at, r.exif_time, r.exif_lon,"
                        + " r.exif_lat, r.flags FROM patrol_photo p LEFT JOIN patrol_photo_receipt r"
                        + " ON r.record_id = p.record_id AND r.sha256 = p.sha256"
                        + " WHERE p.observation_id IN (:ids) ORDER BY p.observation_id, p.sha256")
                .param("ids", ids)
                .query((rs, i) -> photos.computeIfAbsent(rs.getString("observation_id"), k -> new ArrayList<>())
                        .add(new Photo(
                                rs.getString("sha256").trim(),
                                rs.getObject("taken_at", OffsetDateTime.class),
                                rs.getObject("bearing", Double.class),
                                rs.getObject("received_at", OffsetDateTime.class),
                                rs.getObject("exif_time", OffsetDateTime.class),
                                rs.getObject("exif_lon", Double.class),
                                rs.getObject("exif_lat", Double.class),
                                PhotoReceipts.flags(rs.getString("flags")))))
                .list();
        return jdbc.sql("SELECT o.client_id, o.record_id, r.inspector, o.kind, o.observed_at, o.note"
                        + " FROM patrol_observation o JOIN patrol_record r ON r.client_id = o.record_id"
                        + " WHERE o.client_id IN (:ids)")
                .param("ids", ids)
                .query((rs, i) -> new Observation(
                        rs.getString("client_id"),
                        rs.getString("record_id"),
                        rs.getString("inspector"),
                        rs.getString("kind"),
                        rs.getObject("observed_at", OffsetDateTime.class),
                        rs.getString("note"),
                        List.copyOf(photos.getOrDefault(rs.getString("client_id"), List.of()))))
                .list();
    }
}
