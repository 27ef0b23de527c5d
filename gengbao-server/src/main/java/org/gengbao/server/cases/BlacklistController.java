package org.gengbao.server.cases;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.storage.JsonText;
import org.gengbao.server.web.Problem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/blacklist} lists the parties on the credit blacklist (with {@code ?active=false} also those
 * lifted); {@code GET /api/v1/blacklist/export?format=csv|json} exports them for the credit platform. ID numbers are
 * masked unless an administrator or officer names a {@code purpose} (audited).
 */
@RestController
@RequestMapping("/api/v1/blacklist")
class BlacklistController {
    private static final String[] CSV_COLUMNS = {
        "party", "idNumber", "measures", "reason", "listedOn", "active", "liftedOn", "liftReason", "caseNumber"
    };

    private final Blacklist blacklist;

    BlacklistController(Blacklist blacklist) {
        this.blacklist = blacklist;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'LEADER', 'POLICE', 'COURT')")
    ObjectNode list(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "true") boolean active,
            @RequestParam(required = false) String purpose) {
        ObjectNode out = JsonText.MAPPER.createObjectNode();
        out.set("items", blacklist.entries(user, active, purpose));
        return out;
    }

    @GetMapping("/export")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
    ResponseEntity<byte[]> export(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "json") String format,
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(required = false) String purpose) {
        String f = format.trim().toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("json")) {
            throw Problem.badRequest(
                    "PARAMETER_INVALID", "format 应为 csv 或 json，收到“" + format + "”", "format must be csv or json");
        }
        ArrayNode entries = blacklist.entries(user, !all, purpose);
        if (f.equals("json")) {
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Content-Disposition", "attachment; filename=\"blacklist.json\"")
                    .body(JsonText.write(entries).getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (JsonNode e : entries) {
            StringBuilder row = new StringBuilder();
            for (String c : CSV_COLUMNS) {
                if (row.length() > 0) {
                    row.append(',');
                }
                JsonNode v = e.path(c);
                String text = v.isArray() ? join(v) : v.isNull() || v.isMissingNode() ? "" : v.asString();
                row.append(quote(text));
            }
            csv.append(row).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"blacklist.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String join(JsonNode array) {
        StringBuilder b = new StringBuilder();
        array.forEach(v -> b.append(b.length() > 0 ? ";" : "").append(v.asString()));
        return b.toString();
    }

    /** RFC 4180 quoting; a leading formula character is defused for spreadsheets. */
    private static String quote(String s) {
        String t = s;
        if (!t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0) {
            t = "'" + t;
        }
        if (t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r")) {
            return "\"" + t.replace("\"", "\"\"") + "\"";
        }
        return t;
    }
}
