package org.gengbao.server.webhook;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.gengbao.server.storage.JsonText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers JSON notices to one webhook: {@link #send} returns at once, and a background thread POSTs the notice (as
 * {@code application/json}, UTF-8), trying up to {@code attempts} times with doubling pauses until the receiver
 * answers 2xx. Notices go out one after another in the order they were handed over. A failing receiver never
 * affects the caller; a notice that could not be delivered is logged. Callers hand notices over after their
 * transaction committed ({@code @TransactionalEventListener(phase = AFTER_COMMIT)}), so nothing is announced that
 * was rolled back.
 */
public final class WebhookSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private final String name;
    private final WebhookSettings settings;
    private final HttpClient http;
    private final ExecutorService executor;

    /**
     * @param name names the delivery thread and the log lines, e.g. {@code clue-webhook}
     */
    public WebhookSender(String name, WebhookSettings settings) {
        this.name = name;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether a URL is configured; when not, {@link #send} does nothing. */
    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * Queues the notice for delivery (nothing when the webhook is off).
     *
     * @param subject what the notice is about, for the log (e.g. {@code "clue 42"})
     * @param notice the JSON body: a map, record or JSON node
     */
    public void send(String subject, Object notice) {
        if (!enabled()) {
            return;
        }
        String body = JsonText.write(notice);
        executor.execute(() -> deliver(subject, body));
    }

    private void deliver(String subject, String body) {
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        long pause = settings.backoff().toMillis();
        int attempts = Math.max(1, settings.attempts());
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
        LOG.warn("{}: notice of {} not delivered after {} attempts: {}", name, subject, attempts, last);
    }

    /** Stops the delivery thread, giving queued notices up to two seconds. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(2, TimeUnit.SECONDS);
    }
}
