package org.gengbao.server.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.county.Counties;
import org.gengbao.server.documents.Documents;
import org.gengbao.server.documents.IssuedDocument;
import org.gengbao.server.grid.GridScope;
import org.gengbao.server.storage.JsonText;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.io.geojson.GeoJsonGeometries;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cases as the API shows them: one case with its timeline, deadlines, documents, evidence and the actions the caller
 * may take now (each with the JSON Schema of its data); lists within the caller's view; overdue steps.
 */
@Component
class CaseViews {
    /** Members of event data that are personal data, masked unless the caller may see them in full. */
    private final JdbcClient jdbc;

    private final Cases cases;
    private final Deadlines deadlines;
    private final Documents documents;
    private final Counties counties;
    private final CaseDocuments caseDocuments;
    private final CaseEvidence caseEvidence;
    private final PenaltyOptions penalties;
    private final AuditLog audit;

    CaseViews(
            JdbcClient jdbc,
            Cases cases,
            Deadlines deadlines,
            Documents documents,
            Counties counties,
            CaseDocuments caseDocuments,
            CaseEvidence caseEvidence,
            PenaltyOptions penalties,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.deadlines = deadlines;
        this.documents = documents;
        this.counties = counties;
        this.caseDocuments = caseDocuments;
        this.caseEvidence = caseEvidence;
        this.penalties = penalties;
        this.audit = audit;
    }

    /** The case if {@code user} may see it; otherwise "not found". */
    CaseRow visible(CurrentUser user, String id) {
        return jdbc.sql("SELECT " + CaseRow.COLUMNS + " FROM enforcement_case WHERE id = ?")
                .param(id)
                .query(CaseRow::map)
                .optional()
                .filter(c -> c.visibleTo(user))
                .orElseThrow(() -> Cases.notFound(id));
    }

    ObjectNode one(CurrentUser user, String id, String purpose) {
        CaseRow c = visible(user, id);
        boolean full = fullPartyView(user, purpose);
        ObjectNode n = summary(c, full);
        Geometry g = cases.geometry(id);
        n.set(
                "location",
                g == null
                        ? JsonText.MAPPER.nullNode()
                        : GeoJsonGeometries.lonLat(g, counties.require().crs()));
        n.put("place", caseDocuments.place(c.gridCode()));
        ArrayNode clueIds = n.putArray("clueIds");
        cases.clueIds(id).forEach(clueIds::add);

        Map<String, IssuedDocument> docs = new HashMap<>();
        ArrayNode docList = n.putArray("documents");
        for (IssuedDocument d : documents.ofCase(id)) {
            docs.put(d.id(), d);
            docList.add(document(d));
        }
        ArrayNode timeline = n.putArray("timeline");
        jdbc.sql("SELECT seq, action, actor, actor_role, occurred_at, data, from_status, to_status, document_ids"
                        + " FROM case_event WHERE case_id = ? ORDER BY seq")
                .param(id)
                .query((rs, i) -> {
                    ObjectNode e = timeline.addObject();
                    e.put("seq", rs.getInt("seq"));
                    String action = rs.getString("action");
                    e.put("action", action);
                    Workflow.parse(action)
                            .ifPresentOrElse(a -> e.put("titleZh", a.zh), () -> e.put("titleZh", "立案登记（由线索建立案件）"));
                    e.put("actor", rs.getString("actor"));
                    e.put("role", rs.getString("actor_role"));
                    e.put(
                            "at",
                            rs.getObject("occurred_at", OffsetDateTime.class).toString());
                    JsonNode data = JsonText.read(rs.getString("data"));
                    e.set("data", full ? data : masked(data));
                    e.put("fromStatus", rs.getString("from_status"));
                    e.put("toStatus", rs.getString("to_status"));
                    ArrayNode eventDocs = e.putArray("documents");
                    String ids = rs.getString("document_ids");
                    for (String docId : ids == null ? new String[0] : ids.split(",")) {
                        if (!docId.isBlank()) {
                            IssuedDocument d = docs.get(docId);
                            eventDocs.add(
                                    d == null
                                            ? JsonText.MAPPER.createObjectNode().put("id", docId)
                                            : document(d));
                        }
                    }
                    return e;
                })
                .list();
        n.set("deadlines", deadlines(c));
        ObjectNode evidence = n.putObject("evidence");
        ArrayNode photos = evidence.putArray("cluePhotos");
        for (String sha : cases.cluePhotos(id)) {
            photos.addObject().put("sha256", sha).put("href", "/api/v1/cases/" + id + "/evidence/" + sha);
        }
        ArrayNode uploads = evidence.putArray("uploads");
        caseEvidence.ofCase(id).forEach(u -> uploads.add(u.json()));
        n.set("availableActions", availableActions(user, c));
        if (full) {
            audit.record("CASE_PARTY_FULL_VIEW", "case/" + id, AuditLog.Result.OK, "purpose=" + purpose);
        }
        return n;
    }

    private ObjectNode summary(CaseRow c, boolean full) {
        ObjectNode n = JsonText.MAPPER.createObjectNode();
        n.put("id", c.id());
        n.put("number", c.number());
        n.put("status", c.status().name());
        n.put("statusZh", c.status().zh);
        ArrayNode flags = n.putArray("flags");
        c.flags().forEach(f -> flags.add(f.name()));
        n.put("gridCode", c.gridCode());
        n.put("townCode", c.townPrefix() + "000");
        putDouble(n, "areaM2", c.areaM2());
        putDouble(n, "basicFarmlandM2", c.basicFarmlandM2());
        putDouble(n, "otherCultivatedM2", c.otherCultivatedM2());
        n.put("verdict", c.verdict());
        n.put("analysisId", c.analysisId());
        n.put("criminal", c.criminal());
        ObjectNode party = n.putObject("party");
        party.put("name", c.partyName());
        party.put("idNumber", full ? c.partyIdNumber() : Blacklist.mask(c.partyIdNumber()));
        party.put("phone", full ? c.partyPhone() : PersonalNumbers.mask("phone", c.partyPhone()));
        party.put("masked", !full);
        n.put("officer", c.officer());
        n.put("createdAt", c.createdAt().toString());
        n.put("updatedAt", c.updatedAt().toString());
        return n;
    }

    static ObjectNode document(IssuedDocument d) {
        ObjectNode n = JsonText.MAPPER.createObjectNode();
        n.put("id", d.id());
        n.put("type", d.type().name());
        n.put("number", d.number());
        n.put("title", d.title());
        n.put("titleEn", d.type().titleEn());
        n.put("sha256", d.sha256());
        n.put("sizeBytes", d.sizeBytes());
        n.put("issuedAt", d.issuedAt().toString());
        n.put("issuedBy", d.issuedBy());
        n.put("href", "/api/v1/cases/" + d.caseId() + "/documents/" + d.id());
        return n;
    }

    private ArrayNode deadlines(CaseRow c) {
        LocalDate today = Cases.today();
        ArrayNode out = JsonText.MAPPER.createArrayNode();
        for (Deadlines.Deadline d : deadlines.of(c.id())) {
            ObjectNode n = out.addObject();
            n.put("step", d.step().name());
            n.put("titleZh", d.step().zh);
            n.put("titleEn", d.step().en);
            n.put("responsibleRole", d.step().responsible.name());
            n.put("dueOn", d.dueOn().toString());
            n.put("state", d.open() ? "OPEN" : d.closedHow());
            n.put("openedBySeq", d.openedSeq());
            if (d.closedSeq() != null) {
                n.put("closedBySeq", d.closedSeq());
            }
            n.put("overdue", d.open() && d.dueOn().isBefore(today));
            if (d.open()) {
                n.put("daysLeft", ChronoUnit.DAYS.between(today, d.dueOn()));
            }
        }
        return out;
    }

    /** The actions {@code user} may take on the case now, each with titles and the schema of its data. */
    ArrayNode availableActions(CurrentUser user, CaseRow c) {
        ArrayNode out = JsonText.MAPPER.createArrayNode();
        for (Workflow.Rule rule : Workflow.rules()) {
            if (rule.allowedFor(user.role()) && cases.blocked(c, rule).isEmpty()) {
                ObjectNode a = out.addObject();
                a.put("action", rule.action().name());
                a.put("titleZh", rule.action().zh);
                a.put("titleEn", rule.action().en);
                if (rule.document() != null) {
                    a.put("document", rule.document().name());
                    a.put("documentTitleZh", rule.document().titleZh());
                    a.put("documentTitleEn", rule.document().titleEn());
                }
                a.set(
                        "schema",
                        rule.action() == CaseAction.DECIDE_PENALTY
                                ? penalties.decisionSchema(c, rule.schema())
                                : rule.schema().deepCopy());
            }
        }
        return out;
    }

    private static boolean fullPartyView(CurrentUser user, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return false;
        }
        if (!CaseRow.fullPartyViewAllowed(user.role())) {
            throw new Problem(
                    HttpStatus.FORBIDDEN,
                    "FULL_VIEW_FORBIDDEN",
                    "“" + user.role().nameZh() + "”不能查看当事人完整的身份证号码和电话",
                    "The role " + user.role() + " may not see the party's full ID number and phone");
        }
        if (purpose.length() > 500) {
            throw Problem.badRequest(
                    "PARAMETER_INVALID", "purpose 不能超过 500 个字符", "purpose is limited to 500 characters");
        }
        return true;
    }

    private static JsonNode masked(JsonNode data) {
        if (!data.isObject()) {
            return data;
        }
        ObjectNode copy = ((ObjectNode) data).deepCopy();
        for (String name : PersonalNumbers.FIELDS) {
            if (copy.has(name) && copy.get(name).isString()) {
                copy.put(name, PersonalNumbers.mask(name, copy.get(name).asString()));
            }
        }
        return copy;
    }

    /** Filters of the list; null members do not filter. */
    record Filter(String status, String town, String flag, int page, int size) {}

    ObjectNode list(CurrentUser user, Filter f) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE " + CaseRow.visibleWhere(user));
        if (where.toString().contains(":scope")) {
            params.put("scope", GridScope.of(user).likePattern());
        }
        if (f.status() != null) {
            where.append(" AND c.status = :status");
            params.put("status", f.status());
        }
        if (f.town() != null) {
            where.append(" AND c.grid_code LIKE :town");
            params.put("town", GridScope.normalize(f.town()) + "%");
        }
        if (f.flag() != null) {
            where.append(" AND c.flags LIKE :flag");
            params.put("flag", "%," + f.flag() + ",%");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM enforcement_case c" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("offset", (long) f.page() * f.size());
        params.put("size", f.size());
        List<CaseRow> rows = jdbc.sql("SELECT " + prefixed() + " FROM enforcement_case c" + where
                        + " ORDER BY c.created_at DESC, c.id DESC OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .params(params)
                .query(CaseRow::map)
                .list();
        ObjectNode out = JsonText.MAPPER.createObjectNode();
        ArrayNode items = out.putArray("items");
        rows.forEach(r -> items.add(summary(r, false)));
        out.put("page", f.page());
        out.put("size", f.size());
        out.put("total", total);
        return out;
    }

    private static String prefixed() {
        StringBuilder b = new StringBuilder();
        for (String col : CaseRow.COLUMNS.split(",")) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append("c.").append(col.trim());
        }
        return b.toString();
    }

    /** Overdue steps of the cases the caller sees (optionally of one town and one officer), most overdue first. */
    ArrayNode overdue(CurrentUser user, String town, String officer) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(CaseRow.visibleWhere(user));
        if (where.toString().contains(":scope")) {
            params.put("scope", GridScope.of(user).likePattern());
        }
        if (town != null) {
            where.append(" AND c.grid_code LIKE :town");
            params.put("town", GridScope.normalize(town) + "%");
        }
        if (officer != null) {
            where.append(" AND c.officer = :officer");
            params.put("officer", officer);
        }
        LocalDate today = Cases.today();
        ArrayNode out = JsonText.MAPPER.createArrayNode();
        for (Deadlines.Overdue o : deadlines.overdue(today, where.toString(), params)) {
            ObjectNode n = out.addObject();
            n.put("caseId", o.caseId());
            n.put("caseNumber", o.caseNumber());
            n.put("gridCode", o.gridCode());
            n.put("townCode", o.gridCode().substring(0, 9) + "000");
            n.put("officer", o.officer());
            n.put("status", o.status());
            n.put("step", o.step().name());
            n.put("titleZh", o.step().zh);
            n.put("titleEn", o.step().en);
            n.put("responsibleRole", o.step().responsible.name());
            n.put("dueOn", o.dueOn().toString());
            n.put("daysOverdue", ChronoUnit.DAYS.between(o.dueOn(), today));
        }
        return out;
    }

    /** Photos named in the data of the case's events (performance, execution). */
    List<String> eventPhotos(String caseId) {
        List<String> out = new java.util.ArrayList<>();
        for (String data : jdbc.sql("SELECT data FROM case_event WHERE case_id = ? ORDER BY seq")
                .param(caseId)
                .query(String.class)
                .list()) {
            JsonText.read(data).path("photos").forEach(p -> out.add(p.asString()));
        }
        return out;
    }

    static boolean bureau(Role role) {
        return role == Role.ADMIN || role == Role.OFFICER;
    }

    private static void putDouble(ObjectNode n, String name, Double value) {
        if (value == null) {
            n.putNull(name);
        } else {
            n.put(name, value);
        }
    }
}
