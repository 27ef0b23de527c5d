package org.gengbao.server.patrol;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gengbao.server.accounts.AccountAdmin;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.accounts.Role;
import org.gengbao.server.county.Counties;
import org.gengbao.server.grid.GridScope;
import org.gengbao.server.storage.JsonText;
import org.gengbao.server.web.Problem;
import org.gengbao.spatial.io.geojson.GeoJsonGeometries;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Patrol tasks: {@code GET /api/v1/patrol/tasks?date=&assignee=me&status=&cell=} (an inspector's own tasks; other
 * accounts the tasks of their scope), {@code GET …/{id}}, {@code POST …} (a manual task), {@code POST …/{id}/status},
 * {@code GET …/{id}/inspectors} (whom it may be given to), {@code POST …/{id}/assignee} (another inspector of the
 * cell takes the task over).
 */
@RestController
@RequestMapping("/api/v1/patrol/tasks")
class TaskController {
    static final String READERS = "hasAnyRole('ADMIN', 'OFFICER', 'INSPECTOR', 'TOWN', 'VILLAGE', 'LEADER')";
    private static final int MAX_LIMIT = 1000;

    private final PatrolTasks tasks;
    private final TaskChanges changes;
    private final Counties counties;
    private final TaskInspectors inspectors;
    private final AccountAdmin accounts;

    TaskController(
            PatrolTasks tasks,
            TaskChanges changes,
            Counties counties,
            TaskInspectors inspectors,
            AccountAdmin accounts) {
        this.tasks = tasks;
        this.changes = changes;
        this.counties = counties;
        this.inspectors = inspectors;
        this.accounts = accounts;
    }

    @GetMapping
    @PreAuthorize(READERS)
    ArrayNode list(
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cell,
            @RequestParam(required = false, defaultValue = "200") int limit,
            @AuthenticationPrincipal CurrentUser user) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problem.badRequest(
                    "PARAMETER_INVALID",
                    "limit 应在 1 到 " + MAX_LIMIT + " 之间",
                    "limit must be between 1 and " + MAX_LIMIT);
        }
        String who = assignee == null || assignee.isBlank()
                ? null
                : assignee.equals("me") ? user.username() : assignee.trim();
        ArrayNode out = JsonText.MAPPER.createArrayNode();
        String scope = null;
        if (user.role() == Role.INSPECTOR) {
            if (who != null && !who.equals(user.username())) {
                return out;
            }
            who = user.username();
        } else {
            scope = GridScope.of(user).likePattern();
        }
        String cellPrefix = null;
        if (cell != null && !cell.isBlank()) {
            if (!cell.trim().matches("\\d{6}|\\d{9}|\\d{12}")) {
                throw Problem.badRequest(
                        "PARAMETER_INVALID",
                        "cell 应为 6、9 或 12 位行政区划代码，收到“" + cell + "”",
                        "cell must be a 6, 9 or 12-digit administrative code; got \"" + cell + "\"");
            }
            cellPrefix = GridScope.normalize(cell);
        }
        PatrolTasks.Query q = new PatrolTasks.Query(
                date == null || date.isBlank() ? null : TaskChanges.date(date, "date"),
                who,
                status == null || status.isBlank() ? null : TaskStatus.parse(status),
                cellPrefix,
                scope,
                limit);
        for (PatrolTask t : tasks.list(q)) {
            out.add(json(t));
        }
        return out;
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    ObjectNode find(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        return json(tasks.findFor(id, user).orElseThrow(() -> TaskChanges.notFound(id)));
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'TOWN')")
    ResponseEntity<ObjectNode> create(
            @RequestBody(required = false) JsonNode body, @AuthenticationPrincipal CurrentUser user) {
        PatrolTask t = changes.createManual(body, user);
        return ResponseEntity.created(URI.create("/api/v1/patrol/tasks/" + t.id()))
                .body(json(t));
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'TOWN', 'INSPECTOR')")
    ObjectNode status(
            @PathVariable String id,
            @RequestBody(required = false) JsonNode body,
            @AuthenticationPrincipal CurrentUser user) {
        return json(changes.changeStatus(id, body, user));
    }

    /**
     * The inspectors the task may be given to, most preferred first (the village's own accounts, the cell's grid
     * people, then accounts of the town or county), with their display names and whether one is the current assignee.
     */
    @GetMapping("/{id}/inspectors")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'TOWN')")
    ArrayNode inspectors(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        PatrolTask task = tasks.findFor(id, user).orElseThrow(() -> TaskChanges.notFound(id));
        Map<String, String> names = new HashMap<>();
        accounts.list().forEach(a -> names.put(a.username(), a.displayName()));
        ArrayNode out = JsonText.MAPPER.createArrayNode();
        for (String username : inspectors.load().eligible(task.gridCode())) {
            out.addObject()
                    .put("username", username)
                    .put("displayName", names.get(username))
                    .put("current", username.equals(task.assignee()));
        }
        return out;
    }

    @PostMapping("/{id}/assignee")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'TOWN')")
    ObjectNode assignee(
            @PathVariable String id,
            @RequestBody(required = false) JsonNode body,
            @AuthenticationPrincipal CurrentUser user) {
        return json(changes.reassign(id, body, user));
    }

    ObjectNode json(PatrolTask t) {
        ObjectNode n = JsonText.MAPPER.createObjectNode();
        n.put("id", t.id());
        n.put("gridCode", t.gridCode());
        n.put("date", t.date().toString());
        n.put("dueDate", t.dueDate().toString());
        n.put("kind", t.kind().name());
        n.put("status", t.status().name());
        n.put("assignee", t.assignee());
        n.set("area", GeoJsonGeometries.lonLat(t.area(), counties.require().crs()));
        ArrayNode targets = n.putArray("targets");
        List.copyOf(t.targets()).forEach(x -> targets.add(x.toJson()));
        n.put("note", t.note());
        n.put("createdBy", t.createdBy());
        n.put("createdAt", t.createdAt() == null ? null : t.createdAt().toString());
        n.put("updatedAt", t.updatedAt() == null ? null : t.updatedAt().toString());
        n.put("package", "/api/v1/patrol/tasks/" + t.id() + "/package");
        return n;
    }
}
