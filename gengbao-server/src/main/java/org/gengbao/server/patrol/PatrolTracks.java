package org.gengbao.server.patrol;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.gengbao.server.county.Counties;
import org.gengbao.server.grid.GridScope;
import org.gengbao.server.storage.Boxes;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The tracks of accepted patrol records, for the map: the records a caller may see, as the record list limits them. */
@Service
public class PatrolTracks {
    /** One record's track (working system) with what the map labels it by. */
    public record Track(
            String recordId,
            String inspector,
            String gridCode,
            OffsetDateTime startedAt,
            double lengthM,
            Geometry geometry) {}

    private final JdbcClient jdbc;
    private final Counties counties;
    private final Records records;

    PatrolTracks(JdbcClient jdbc, Counties counties, Records records) {
        this.jdbc = jdbc;
        this.counties = counties;
        this.records = records;
    }

    /** The tracks {@code scope} may see whose bounding box meets {@code box} (working system); by record id. */
    public List<Track> inBox(GridScope scope, Envelope box) {
        Map<String, Object> params = Boxes.params(box, counties.require().crs().epsg());
        String visible = Records.scopeCondition(scope, params);
        return jdbc.sql("SELECT client_id, inspector, grid_code, started_at, track_length_m, ST_AsBinary(track) AS wkb"
                        + " FROM patrol_record WHERE " + Boxes.meets("track") + " AND " + visible
                        + " ORDER BY client_id")
                .params(params)
                .query((rs, i) -> new Track(
                        rs.getString("client_id"),
                        rs.getString("inspector"),
                        rs.getString("grid_code"),
                        rs.getObject("started_at", OffsetDateTime.class),
                        rs.getDouble("track_length_m"),
                        records.geometry(rs.getBytes("wkb"))))
                .list();
    }
}
