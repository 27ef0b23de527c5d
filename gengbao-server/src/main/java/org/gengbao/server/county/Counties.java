package org.gengbao.server.county;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.SpatialInputException;
import org.gengbao.spatial.crs.Crs;
import org.gengbao.spatial.crs.CrsRegistry;
import org.gengbao.spatial.crs.GaussKrugerCrs;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The county of this installation (one row). */
@Service
public class Counties {
    private final JdbcClient jdbc;
    private final AuditLog audit;

    Counties(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Optional<County> current() {
        return jdbc.sql("SELECT code, name, epsg FROM county WHERE id = 1")
                .query((rs, i) ->
                        new County(rs.getString(1), rs.getString(2), (GaussKrugerCrs) CrsRegistry.byEpsg(rs.getInt(3))))
                .optional();
    }

    /** The county, or a 409 problem telling how to configure it. */
    public County require() {
        return current()
                .orElseThrow(
                        () -> new Problem(
                                HttpStatus.CONFLICT,
                                "COUNTY_NOT_CONFIGURED",
                                "尚未设置县：请先运行 gengbao county --code 行政区划代码 --name 县名 --crs EPSG:4527",
                                "No county is configured yet: run gengbao county --code CODE --name NAME --crs EPSG:NNNN first"));
    }

    /**
     * Creates or updates the county. The working zone cannot change once layers are imported (their geometries are in
     * it).
     */
    @Transactional
    public County save(String code, String name, String crsText, boolean layersExist) {
        if (code == null || !code.matches("\\d{6}")) {
            throw Problem.badRequest(
                    "COUNTY_CODE_INVALID",
                    "县级行政区划代码应为 6 位数字，收到“" + code + "”",
                    "A county code has 6 digits; got \"" + code + "\"");
        }
        if (name == null || name.isBlank()) {
            throw Problem.badRequest("COUNTY_NAME_MISSING", "缺少县名", "The county name is missing");
        }
        Crs crs;
        try {
            crs = CrsRegistry.parse(crsText);
        } catch (SpatialInputException e) {
            throw Problem.of(e);
        }
        if (!(crs instanceof GaussKrugerCrs gk)) {
            throw Problem.badRequest(
                    "COUNTY_CRS_NOT_PROJECTED",
                    "县的工作坐标系应为 2000 国家大地坐标系高斯-克吕格投影（EPSG:4491–4554），不能是 " + crs.code(),
                    "The county's working system must be a CGCS2000 Gauss-Kruger zone (EPSG:4491-4554), not "
                            + crs.code());
        }
        Optional<County> before = current();
        if (layersExist && before.isPresent() && before.get().crs().epsg() != gk.epsg()) {
            throw Problem.conflict(
                    "COUNTY_CRS_LOCKED",
                    "已导入图层，不能再更改工作坐标系（当前 " + before.get().crs().code() + "）",
                    "Layers are imported; the working system can no longer change (it is "
                            + before.get().crs().code() + ")");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (before.isPresent()) {
            jdbc.sql("UPDATE county SET code = ?, name = ?, epsg = ?, updated_at = ? WHERE id = 1")
                    .params(code, name.trim(), gk.epsg(), now)
                    .update();
        } else {
            jdbc.sql("INSERT INTO county (id, code, name, epsg, updated_at) VALUES (1, ?, ?, ?, ?)")
                    .params(code, name.trim(), gk.epsg(), now)
                    .update();
        }
        County county = new County(code, name.trim(), gk);
        audit.record("COUNTY_SAVED", code + " " + county.name() + " " + gk.code(), AuditLog.Result.OK, null);
        return county;
    }
}
