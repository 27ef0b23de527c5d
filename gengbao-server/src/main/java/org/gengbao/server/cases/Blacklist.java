package org.gengbao.server.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.grid.GridScope;
import org.gengbao.server.storage.JsonText;
import org.gengbao.server.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The credit blacklist (失信名单): parties listed by a case's BLACKLIST event with their joint-punishment measures, lifted
 * by LIFT_BLACKLIST after they performed (credit repair). Lifted entries stay, with when, why and by whom. ID numbers
 * are masked (first 4 and last 4 digits) unless an administrator or officer names a purpose; every full view is
 * audited with that purpose.
 */
@Component
class Blacklist {
    private final JdbcClient jdbc;
    private final AuditLog audit;

    Blacklist(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    void list(CaseRow c, JsonNode data, LocalDate on, String actor, OffsetDateTime now) {
        List<String> measures = new ArrayList<>();
        data.get("measures").forEach(m -> measures.add(m.asString()));
        jdbc.sql(
                        "INSERT INTO blacklist_entry (id, case_id, grid_code, party_name, id_number, measures, reason, listed_on,"
                                + " listed_at, listed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID().toString(),
                        c.id(),
                        c.gridCode(),
                        data.get("party").asString(),
                        data.get("idNumber").asString(),
                        String.join(",", measures),
                        data.get("reason").asString(),
                        on,
                        now,
                        actor)
                .update();
    }

    void lift(CaseRow c, JsonNode data, LocalDate on, String actor, OffsetDateTime now) {
        jdbc.sql("UPDATE blacklist_entry SET lifted_on = ?, lifted_at = ?, lifted_by = ?, lift_reason = ?"
                        + " WHERE case_id = ? AND lifted_at IS NULL")
                .params(on, now, actor, data.get("reason").asString(), c.id())
                .update();
    }

    /** Whether the caller may see full ID numbers: administrators and officers who name a purpose. */
    static boolean fullView(CurrentUser user, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return false;
        }
        if (user.role() != Role.ADMIN && user.role() != Role.OFFICER) {
            throw new Problem(
                    HttpStatus.FORBIDDEN,
                    "FULL_VIEW_FORBIDDEN",
                    "“" + user.role().nameZh() + "”不能查看完整的身份证号码",
                    "The role " + user.role() + " may not see full ID numbers");
        }
        if (purpose.length() > 500) {
            throw Problem.badRequest(
                    "PARAMETER_INVALID", "purpose 不能超过 500 个字符", "purpose is limited to 500 characters");
        }
        return true;
    }

    /** The entries (all, or only those in force), newest first. */
    ArrayNode entries(CurrentUser user, boolean activeOnly, String purpose) {
        boolean full = fullView(user, purpose);
        ArrayNode out = JsonText.MAPPER.createArrayNode();
        String visible = CaseRow.visibleWhere(user);
        var statement =
                jdbc.sql("SELECT b.*, c.case_number FROM blacklist_entry b JOIN enforcement_case c ON c.id = b.case_id"
                        + " WHERE " + visible
                        + (activeOnly ? " AND b.lifted_at IS NULL" : "")
                        + " ORDER BY b.listed_at DESC, b.id");
        if (visible.contains(":scope")) {
            statement = statement.param("scope", GridScope.of(user).likePattern());
        }
        statement
                .query((rs, i) -> {
                    ObjectNode n = out.addObject();
                    n.put("id", rs.getString("id"));
                    n.put("caseId", rs.getString("case_id"));
                    n.put("caseNumber", rs.getString("case_number"));
                    n.put("gridCode", rs.getString("grid_code"));
                    n.put("party", rs.getString("party_name"));
                    String idNumber = rs.getString("id_number");
                    n.put("idNumber", full ? idNumber : mask(idNumber));
                    n.put("idNumberMasked", !full);
                    ArrayNode measures = n.putArray("measures");
                    for (String m : rs.getString("measures").split(",")) {
                        measures.add(m);
                    }
                    n.put("reason", rs.getString("reason"));
                    n.put("listedOn", rs.getObject("listed_on", LocalDate.class).toString());
                    n.put("listedBy", rs.getString("listed_by"));
                    LocalDate lifted = rs.getObject("lifted_on", LocalDate.class);
                    n.put("active", lifted == null);
                    n.put("liftedOn", lifted == null ? null : lifted.toString());
                    n.put("liftedBy", rs.getString("lifted_by"));
                    n.put("liftReason", rs.getString("lift_reason"));
                    return n;
                })
                .list();
        if (full) {
            audit.record(
                    "BLACKLIST_FULL_VIEW",
                    "blacklist",
                    AuditLog.Result.OK,
                    "purpose=" + purpose + " entries=" + out.size());
        }
        return out;
    }

    /** 3713**********1234: the first and last four characters of an ID number. */
    static String mask(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        if (idNumber.length() <= 8) {
            return "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /** The check character of an 18-digit resident ID number (GB 11643) is right. */
    static boolean checksumValid(String id) {
        if (id == null || !id.matches("[0-9]{17}[0-9X]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11) == id.charAt(17);
    }
}
