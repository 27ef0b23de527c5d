package org.gengbao.server.analysis;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.storage.GengbaoProperties;
import org.gengbao.server.web.LimitedBody;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.geom.GeoJsonGeometryParser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/analyses} with {@code {geometry, crs?, asOf?}} (geometry: GeoJSON, default EPSG:4490 lon/lat)
 * analyses and stores a patch; {@code GET /api/v1/analyses/{id}} returns a stored result. The request body is read
 * with a size limit before it is parsed, so a huge upload is refused without filling memory.
 */
@RestController
@RequestMapping("/api/v1/analyses")
class AnalysisController {
    private final Analyses analyses;
    private final GengbaoProperties properties;

    AnalysisController(Analyses analyses, GengbaoProperties properties) {
        this.analyses = analyses;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'INSPECTOR', 'TOWN', 'VILLAGE')")
    ObjectNode analyse(HttpServletRequest request, Principal principal) throws IOException {
        JsonNode body = readLimited(request);
        JsonNode geometry = body.get("geometry");
        if (geometry == null || geometry.isNull()) {
            throw Problem.badRequest(
                    "GEOMETRY_MISSING",
                    "请求缺少 geometry（GeoJSON 几何或要素）",
                    "The request has no geometry (a GeoJSON geometry or Feature)");
        }
        String crs = null;
        if (body.hasNonNull("crs")) {
            if (!body.get("crs").isValueNode()) {
                throw Problem.badRequest(
                        "PARAMETER_INVALID",
                        "crs 应为文字形式的坐标系代码，如 \"EPSG:4527\"，收到的是 " + body.get("crs"),
                        "crs must be a coordinate system code as text, such as \"EPSG:4527\"; got " + body.get("crs"));
            }
            crs = body.get("crs").asString();
        }
        LocalDate asOf = null;
        if (body.hasNonNull("asOf")) {
            JsonNode given = body.get("asOf");
            String text = given.isValueNode() ? given.asString() : given.toString();
            try {
                asOf = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw Problem.badRequest(
                        "DATE_INVALID",
                        "asOf 应写成 YYYY-MM-DD，收到“" + text + "”",
                        "asOf must be YYYY-MM-DD; got \"" + text + "\"");
            }
        }
        return analyses.analyseAndStore(GeoJsonGeometryParser.text(geometry), crs, asOf, principal.getName());
    }

    @GetMapping("/{id}")
    ObjectNode find(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        return analyses.find(id, user);
    }

    private JsonNode readLimited(HttpServletRequest request) throws IOException {
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = LimitedBody.read(
                    in,
                    request.getContentLengthLong(),
                    properties.limits().maxGeojsonBytes(),
                    "BODY_TOO_LARGE",
                    "请求正文",
                    "The request body");
        }
        try {
            JsonNode node = GeoJsonGeometryParser.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw Problem.badRequest("BODY_MALFORMED", "请求正文应为 JSON 对象", "The request body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw Problem.of(GeoJsonGeometryParser.malformed(e, "BODY_MALFORMED", "请求正文", "The request body"));
        }
    }
}
