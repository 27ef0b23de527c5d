package org.gengbao.server.clues;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.gengbao.server.storage.JsonText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells an outside system (the duty officer's messaging, a dashboard) about each new clue: after the creating
 * transaction has committed, a JSON notice is POSTed to {@code gengbao.clues.webhook-url} on a background thread, tried
 * up to {@code webhook-attempts} times with doubling pauses. A failing webhook never affects the upload; a notice that
 * could not be delivered is logged.
 */
@Component
class ClueWebhook implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(ClueWebhook.class);

    private final CluesProperties properties;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "clue-webhook");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http;

    ClueWebhook(CluesProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.webhookTimeout())
                .build();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void clueCreated(ClueCreated event) {
        if (properties.webhookUrl() == null
                || properties.webhookUrl().toString().isBlank()) {
            return;
        }
        executor.execute(() -> deliver(event));
    }

    private void deliver(ClueCreated event) {
        String body = JsonText.write(notice(event));
        HttpRequest request = HttpRequest.newBuilder(properties.webhookUrl())
                .timeout(properties.webhookTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        long pause = properties.webhookBackoff().toMillis();
        int attempts = Math.max(1, properties.webhookAttempts());
        String last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                last = "HTTP " + response.statusCode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                last = e.toString();
            }
            if (attempt < attempts) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause *= 2;
            }
        }
        LOG.warn(
                "notice of clue {} not delivered to the webhook after {} attempts: {}", event.clueId(), attempts, last);
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
        executor.shutdown();
        executor.awaitTermination(2, TimeUnit.SECONDS);
    }
}
