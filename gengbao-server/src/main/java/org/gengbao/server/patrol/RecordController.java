package org.gengbao.server.patrol;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.web.LimitedBody;
import org.gengbao.server.web.Paging;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.geom.GeoJsonGeometryParser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Patrol records (api.md): {@code PUT /api/v1/patrol/records/{clientId}} uploads a record idempotently (201 new, 200
 * the same content again, 409 different content under a used id); {@code GET …/{clientId}} shows one with its
 * observations, photos (with receipt and flags), clues and visited parcels; {@code GET /api/v1/patrol/records?date=
 * &inspector=} lists records by the day they started (China time). Inspectors see their own records, town and village
 * accounts the records of their cells, officers all.
 */
@RestController
@RequestMapping("/api/v1/patrol/records")
class RecordController {
    private static final int MAX_SIZE = 200;

    private final Records records;
    private final UploadProperties upload;

    RecordController(Records records, UploadProperties upload) {
        this.records = records;
        this.upload = upload;
    }

    @PutMapping("/{clientId}")
    @PreAuthorize("hasAnyRole('INSPECTOR', 'VILLAGE', 'OFFICER')")
    ResponseEntity<ObjectNode> put(
            @PathVariable String clientId, HttpServletRequest request, @AuthenticationPrincipal CurrentUser user)
            throws IOException {
        if (!RecordParser.validClientId(clientId)) {
            throw Problem.badRequest(
                    "CLIENT_ID_INVALID",
                    "记录的 clientId 应为 8–64 个字母、数字、_ 或 -（如 UUID）",
                    "A record's clientId must be 8–64 letters, digits, _ or - (such as a UUID)");
        }
        String raw = readLimited(request);
        JsonNode body;
        try {
            body = GeoJsonGeometryParser.MAPPER.readTree(raw);
        } catch (JacksonException e) {
            throw Problem.of(GeoJsonGeometryParser.malformed(e, "BODY_MALFORMED", "请求正文", "The request body"));
        }
        if (body == null || !body.isObject()) {
            throw Problem.badRequest("BODY_MALFORMED", "请求正文应为 JSON 对象", "The request body must be a JSON object");
        }
        Records.Outcome outcome = records.put(clientId, raw, body, user);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(outcome.body());
    }

    @GetMapping("/{clientId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'INSPECTOR', 'TOWN', 'VILLAGE')")
    ObjectNode one(@PathVariable String clientId, @AuthenticationPrincipal CurrentUser user) {
        return records.view(records.visibleOrNotFound(clientId, user));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'INSPECTOR', 'TOWN', 'VILLAGE')")
    ObjectNode list(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String inspector,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size, MAX_SIZE);
        LocalDate day = null;
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date.trim());
            } catch (DateTimeParseException e) {
                throw Problem.badRequest(
                        "DATE_INVALID",
                        "date 应写成 YYYY-MM-DD，收到“" + date + "”",
                        "date must be YYYY-MM-DD; got \"" + date + "\"");
            }
        }
        String who = inspector == null || inspector.isBlank() ? null : inspector.trim();
        if ("me".equals(who)) {
            who = user.username();
        }
        return records.list(user, day, who, page, size);
    }

    private String readLimited(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return new String(
                    LimitedBody.read(
                            in,
                            request.getContentLengthLong(),
                            upload.maxRecordBytes(),
                            "BODY_TOO_LARGE",
                            "巡查记录",
                            "The patrol record"),
                    StandardCharsets.UTF_8);
        }
    }
}
