package org.gengbao.server.patrol;

import java.time.LocalDate;
import java.util.Map;
import org.gengbao.server.accounts.CurrentUser;
import org.gengbao.server.analysis.Analyses;
import org.gengbao.server.web.Problem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/patrol/plans {date}}: plans a day's tasks (date defaults to today in the county). */
@RestController
@RequestMapping("/api/v1/patrol/plans")
class PlanController {
    private final PatrolPlanner planner;

    PlanController(PatrolPlanner planner) {
        this.planner = planner;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
    Map<String, Object> plan(@RequestBody(required = false) JsonNode body, @AuthenticationPrincipal CurrentUser user) {
        LocalDate date = LocalDate.now(Analyses.COUNTY_TIME);
        if (body != null && !body.isNull()) {
            if (!body.isObject()) {
                throw Problem.badRequest("BODY_MALFORMED", "请求正文应为 JSON 对象", "The request body must be a JSON object");
            }
            JsonNode d = body.get("date");
            if (d != null && !d.isNull()) {
                date = TaskChanges.date(d.isValueNode() ? d.asString() : d.toString(), "date");
            }
        }
        return planner.plan(date, user.username()).toMap();
    }
}
