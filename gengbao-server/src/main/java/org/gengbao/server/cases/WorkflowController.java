package org.gengbao.server.cases;

import org.gengbao.server.storage.JsonText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/cases/workflow}: every action of the workflow with its titles, the roles that take it, the
 * document it issues and the JSON Schema of its data — what the console needs to show the data of past events of a
 * timeline with their field and choice names (the actions a caller may take now come with the case itself).
 */
@RestController
@RequestMapping("/api/v1/cases")
class WorkflowController {

    @GetMapping("/workflow")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER', 'LEADER', 'TOWN', 'VILLAGE', 'POLICE', 'COURT')")
    ObjectNode workflow() {
        ObjectNode out = JsonText.MAPPER.createObjectNode();
        ArrayNode actions = out.putArray("actions");
        for (Workflow.Rule rule : Workflow.rules()) {
            ObjectNode a = actions.addObject();
            a.put("action", rule.action().name());
            a.put("titleZh", rule.action().zh);
            a.put("titleEn", rule.action().en);
            ArrayNode roles = a.putArray("roles");
            rule.roles().forEach(r -> roles.add(r.name()));
            if (rule.document() != null) {
                a.put("document", rule.document().name());
                a.put("documentTitleZh", rule.document().titleZh());
                a.put("documentTitleEn", rule.document().titleEn());
            }
            a.set("schema", rule.schema().deepCopy());
        }
        return out;
    }
}
