package org.gengbao.server.clues;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gengbao.server.webhook.WebhookSender;
import org.gengbao.server.webhook.WebhookSettings;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells an outside system (the duty officer's messaging, a dashboard) about each new clue: after the creating
 * transaction has committed, a JSON notice is POSTed to {@code gengbao.clues.webhook-url} by a {@link WebhookSender},
 * tried up to {@code webhook-attempts} times with doubling pauses. A failing webhook never affects the upload; a
 * notice that could not be delivered is logged.
 */
@Component
class ClueWebhook implements DisposableBean {
    private final WebhookSender sender;

    ClueWebhook(CluesProperties properties) {
        this.sender = new WebhookSender(
                "clue-webhook",
                new WebhookSettings(
                        properties.webhookUrl(),
                        properties.webhookAttempts(),
                        properties.webhookTimeout(),
                        properties.webhookBackoff()));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void clueCreated(ClueCreated event) {
        sender.send("clue " + event.clueId(), notice(event));
    }

    static Map<String, Object> notice(ClueCreated e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "CLUE_CREATED");
        m.put("clueId", e.clueId());
        m.put("source", e.source());
        m.put("gridCode", e.gridCode());
        m.put("verdict", e.verdict());
        m.put("needsOutline", e.needsOutline());
        m.put("areaM2", e.areaM2());
        m.put("location", Map.of("type", "Point", "coordinates", new double[] {e.lon(), e.lat()}));
        m.put("firstEvidenceAt", e.firstEvidenceAt().toString());
        m.put("createdAt", e.createdAt().toString());
        m.put("href", "/api/v1/clues/" + e.clueId());
        return m;
    }

    @Override
    public void destroy() throws InterruptedException {
        sender.close();
    }
}
