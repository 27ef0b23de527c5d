package org.gengbao.server.webhook;

import java.util.List;
import java.util.Map;
import org.gengbao.server.audit.AuditLog;
import org.gengbao.server.web.Problem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbound webhooks for administrators: {@code GET /api/v1/webhooks} (each webhook's waiting, delivered and
 * given-up notices, the oldest waiting one and the latest error) and {@code POST /api/v1/webhooks/{name}/retry} (the
 * notices given up go back in line; audited).
 */
@RestController
@RequestMapping("/api/v1/webhooks")
@PreAuthorize("hasRole('ADMIN')")
class WebhookController {
    private final WebhookOutbox outbox;
    private final AuditLog audit;

    WebhookController(WebhookOutbox outbox, AuditLog audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    @GetMapping
    List<WebhookOutbox.Status> list() {
        return outbox.status();
    }

    @PostMapping("/{name}/retry")
    @Transactional
    Map<String, Object> retry(@PathVariable String name) {
        Webhook webhook = outbox.find(name)
                .orElseThrow(() -> Problem.notFound(
                        "WEBHOOK_NOT_FOUND",
                        "没有名为“" + name + "”的 Webhook",
                        "There is no webhook named \"" + name + "\""));
        int n = outbox.retry(webhook);
        audit.record("WEBHOOK_RETRY", "webhook/" + name, AuditLog.Result.OK, n + " notices");
        return Map.of("webhook", name, "requeued", n);
    }
}
