package org.gengbao.server.cases;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.documents.Documents;
import org.gengbao.server.documents.IssuedDocument;
import org.gengbao.server.evidence.EvidenceStore;
import org.gengbao.server.storage.JsonText;
import org.gengbao.server.web.Paging;
import org.gengbao.server.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The case workflow API (api.md "Case workflow"). {@code POST /api/v1/cases {clueId | clueIds}} opens a case; {@code
 * GET /api/v1/cases/{id}} shows it with timeline, deadlines, documents, evidence and the caller's available actions
 * ({@code ?purpose=} shows the party's ID number and phone in full to the roles that may, audited); {@code POST
 * /api/v1/cases/{id}/transitions {action, data, expectedEvents?}} moves it (an {@code Idempotency-Key} header makes a
 * retry answer the event the first request made); lists, overdue steps, the penalty helper, documents (PDF) and
 * evidence photos (uploaded with {@code PUT /api/v1/cases/{id}/evidence/{sha256}}). A case the caller may not see is
 * "not found".
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {
    private static final int MAX_SIZE = 200;

    private final Cases cases;
    private final CaseViews views;
    private final PenaltyOptions penalties;
    private final Documents documents;
    private final EvidenceStore evidence;
    private final CaseEvidence caseEvidence;
    private final AuditLog audit;

    CaseController(
            Cases cases,
            CaseViews views,
            PenaltyOptions penalties,
            Documents documents,
            EvidenceStore evidence,
            CaseEvidence caseEvidence,
            AuditLog audit) {
        this.cases = cases;
        this.views = views;
        this.penalties = penalties;
        this.documents = documents;
        this.evidence = evidence;
        this.caseEvidence = caseEvidence;
        this.audit = audit;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('OFFICER', 'ADMIN')")
    ResponseEntity<ObjectNode> create(@AuthenticationPrincipal CurrentUser user, @RequestBody JsonNode body) {
        List<String> ids = new ArrayList<>();
        if (body.path("clueId").isString()) {
            ids.add(body.get("clueId").asString());
        }
        if (body.has("clueIds")) {
            if (!body.get("clueIds").isArray()) {
                throw Cases.invalid("/clueIds", "应为线索编号数组", "must be an array of clue ids");
            }
            body.get("clueIds").forEach(n -> ids.add(n.asString()));
        }
        if (ids.isEmpty()) {
            throw Cases.invalid("/clueId", "缺少线索编号 clueId 或 clueIds", "clueId or clueIds is required");
        }
        String id = cases.create(user, ids);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/v1/cases/" + id)
                .body(views.one(user, id, null));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'LEADER', 'TOWN', 'VILLAGE', 'POLICE', 'COURT')")
    ObjectNode list(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String town,
            @RequestParam(required = false) String flag,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size, MAX_SIZE);
        String s = upper(status);
        if (s != null
                && java.util.Arrays.stream(CaseStatus.values())
                        .noneMatch(v -> v.name().equals(s))) {
            throw Problem.badRequest(
                    "PARAMETER_INVALID", "未知的案件状态“" + status + "”", "Unknown case status \"" + status + "\"");
        }
        String f = upper(flag);
        if (f != null
                && java.util.Arrays.stream(CaseFlag.values())
                        .noneMatch(v -> v.name().equals(f))) {
            throw Problem.badRequest(
                    "PARAMETER_INVALID", "未知的案件标记“" + flag + "”", "Unknown case flag \"" + flag + "\"");
        }
        return views.list(user, new CaseViews.Filter(s, gridCode("town", town), f, page, size));
    }

    @GetMapping("/overdue")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'LEADER', 'TOWN')")
    ObjectNode overdue(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) String town,
            @RequestParam(required = false) String officer) {
        ObjectNode out = JsonText.MAPPER.createObjectNode();
        out.put("asOf", Cases.today().toString());
        out.set("items", views.overdue(user, gridCode("town", town), blank(officer)));
        return out;
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'LEADER', 'TOWN', 'VILLAGE', 'POLICE', 'COURT')")
    ObjectNode one(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String id,
            @RequestParam(required = false) String purpose) {
        return views.one(user, id, blank(purpose));
    }

    @PostMapping("/{id}/transitions")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'TOWN', 'POLICE', 'COURT', 'LEADER', 'VILLAGE')")
    ObjectNode transition(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String id,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody JsonNode body) {
        String action = body.path("action").isString() ? body.get("action").asString() : null;
        if (action == null) {
            throw Cases.invalid("/action", "缺少操作名称 action", "action is required");
        }
        JsonNode expected = body.path("expectedEvents");
        if (!expected.isMissingNode()
                && !expected.isNull()
                && !(expected.canConvertToInt() && expected.isIntegralNumber())) {
            throw Cases.invalid("/expectedEvents", "应为整数（客户端看到的事件数）", "must be an integer (the events the client saw)");
        }
        Cases.Transition t;
        try {
            t = cases.transition(
                    user,
                    id,
                    new Cases.Request(
                            action,
                            body.get("data"),
                            idempotencyKey,
                            expected.isIntegralNumber() ? expected.asInt() : null));
        } catch (Problem p) {
            if (p.status() != HttpStatus.NOT_FOUND) {
                // the transaction was rolled back; the refusal is recorded on its own
                audit.record(
                        "CASE_" + action.toUpperCase(Locale.ROOT).replaceAll("[^A-Z_]", "_"),
                        "case/" + id,
                        AuditLog.Result.REJECTED,
                        p.code());
            }
            throw p;
        }
        ObjectNode out = views.one(user, id, null);
        ObjectNode done = out.putObject("transition");
        done.put("seq", t.seq());
        done.put("status", t.status().name());
        done.put("replayed", t.replayed());
        ArrayNode docs = done.putArray("documents");
        t.documents().forEach(d -> docs.add(CaseViews.document(d)));
        return out;
    }

    @GetMapping("/{id}/penalty-options")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'LEADER')")
    ObjectNode penaltyOptions(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        return penalties.view(views.visible(user, id));
    }

    @GetMapping("/{id}/documents")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'LEADER', 'TOWN', 'VILLAGE', 'POLICE', 'COURT')")
    ObjectNode documents(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
        views.visible(user, id);
        ObjectNode out = JsonText.MAPPER.createObjectNode();
        ArrayNode items = out.putArray("items");
        documents.ofCase(id).forEach(d -> items.add(CaseViews.document(d)));
        return out;
    }

    @GetMapping("/{id}/documents/{docId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'LEADER', 'TOWN', 'VILLAGE', 'POLICE', 'COURT')")
    ResponseEntity<byte[]> document(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String docId)
            throws IOException {
        views.visible(user, id);
        IssuedDocument d = documents
                .find(docId)
                .filter(x -> x.caseId().equals(id))
                .orElseThrow(() -> Problem.notFound(
                        "DOCUMENT_NOT_FOUND", "案件中找不到文书 " + docId, "No document " + docId + " in this case"));
        byte[] bytes;
        try (InputStream in = documents.open(d)) {
            bytes = in.readAllBytes();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + d.id() + ".pdf\"")
                .header(
                        "X-Document-Number",
                        java.net.URLEncoder.encode(d.number(), java.nio.charset.StandardCharsets.UTF_8))
                .body(bytes);
    }

    /**
     * Uploads a photo for the case (the result of a performance or an execution) with its bytes as the body: 201 when
     * stored, 200 when it had been uploaded for the case before, 422 when the bytes do not hash to the address or are
     * not a JPEG or PNG image. Transitions of the case may then name it.
     */
    @PutMapping(
            value = "/{id}/evidence/{sha256}",
            consumes = {"image/*", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'TOWN')")
    ResponseEntity<ObjectNode> uploadPhoto(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable String id,
            @PathVariable String sha256,
            HttpServletRequest request)
            throws IOException {
        views.visible(user, id);
        CaseEvidence.Outcome outcome;
        try (InputStream in = request.getInputStream()) {
            outcome = caseEvidence.put(user, id, sha256, in, request.getContentLengthLong());
        }
        ObjectNode body = outcome.upload().json();
        body.put("status", outcome.created() ? "CREATED" : "UNCHANGED");
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(body);
    }

    /** A photo of the case's evidence: of its clues, uploaded for it, or named in the data of one of its events. */
    @GetMapping("/{id}/evidence/{sha256}")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'LEADER', 'TOWN', 'VILLAGE', 'POLICE', 'COURT')")
    ResponseEntity<byte[]> photo(
            @AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String sha256)
            throws IOException {
        views.visible(user, id);
        String sha = sha256.toLowerCase(Locale.ROOT);
        boolean belongs = cases.cluePhotos(id).contains(sha)
                || caseEvidence.find(id, sha).isPresent()
                || views.eventPhotos(id).contains(sha);
        if (!belongs) {
            throw Problem.notFound("EVIDENCE_NOT_FOUND", "案件证据中没有照片 " + sha256, "No photo " + sha256 + " in this case");
        }
        byte[] bytes;
        try (InputStream in = evidence.open(sha)
                .orElseThrow(() -> Problem.notFound(
                        "EVIDENCE_NOT_FOUND", "证据库中没有照片 " + sha256, "The photo " + sha256 + " is not stored"))) {
            bytes = in.readAllBytes();
        }
        return ResponseEntity.ok()
                .contentType(
                        MediaType.parseMediaType(caseEvidence.mediaTypeOf(sha).orElse(MediaType.IMAGE_JPEG_VALUE)))
                .body(bytes);
    }

    private static String upper(String v) {
        return v == null || v.isBlank() ? null : v.trim().toUpperCase(Locale.ROOT);
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String gridCode(String name, String v) {
        String code = blank(v);
        if (code != null && !code.matches("\\d{6,19}")) {
            throw Problem.badRequest(
                    "PARAMETER_INVALID",
                    name + " 应为网格代码，收到“" + v + "”",
                    name + " must be a grid code; got \"" + v + "\"");
        }
        return code;
    }
}
