package org.gengbao.server.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gengbao.server.storage.JsonText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One outbound webhook of the {@link WebhookOutbox}: {@link #enqueue} writes a JSON notice into the outbox table
 * within the caller's transaction, and this webhook's delivery thread POSTs the waiting notices (as {@code
 * application/json}, UTF-8, with the header {@value #NOTICE_HEADER} carrying the notice's number) in the order they
 * were written, each tried up to {@code attempts} times with doubling pauses until the receiver answers 2xx. A notice
 * that was never committed is never sent; one that was committed is sent even when the server restarts meanwhile. The
 * receiver may see a notice twice (the server stopped between its answer and the record of it), never out of order:
 * delivery is at least once, and receivers recognise a repeat by the notice number.
 *
 * <p>A notice is claimed before it is sent (its next attempt moved past the time one attempt may take), so several
 * server nodes on one database do not send it at the same time.
 */
public final class Webhook implements AutoCloseable {
    /** The header with the notice's number, the same for every attempt to deliver it. */
    public static final String NOTICE_HEADER = "X-Gengbao-Notice";

    private static final Logger LOG = LoggerFactory.getLogger(Webhook.class);
    private static final int MAX_SUBJECT = 300;
    private static final int MAX_ERROR = 500;

    private final String name;
    private final WebhookSettings settings;
    private final JdbcClient jdbc;
    private final Duration poll;
    private final Duration keepDelivered;
    private final HttpClient http;
    private final ScheduledExecutorService thread;
    /** Set while a drain is queued on the thread, so a burst of commits queues one drain, not one each. */
    private final AtomicBoolean drainQueued = new AtomicBoolean();

    private volatile boolean closed;

    Webhook(String name, WebhookSettings settings, JdbcClient jdbc, Duration poll, Duration keepDelivered) {
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("a webhook name is 1-40 lower-case letters, digits or '-': " + name);
        }
        this.name = name;
        this.settings = settings;
        this.jdbc = jdbc;
        this.poll = poll;
        this.keepDelivered = keepDelivered;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name + "-webhook");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.thread = executor;
        if (settings.enabled()) {
            // notices left by an earlier run (or another node) go out without waiting for a new one
            thread.scheduleWithFixedDelay(this::wake, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public String name() {
        return name;
    }

    public WebhookSettings settings() {
        return settings;
    }

    /** Whether a URL is configured; when not, {@link #enqueue} does nothing. */
    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * Writes the notice into the outbox within the current transaction (nothing when the webhook is off); it is sent
     * after that transaction commits. Without a transaction it is written and sent at once.
     *
     * @param subject what the notice is about, for the log and the status (e.g. {@code "clue 42"})
     * @param notice the JSON body: a map, record or JSON node
     */
    public void enqueue(String subject, Object notice) {
        if (!enabled()) {
            return;
        }
        OffsetDateTime now = now();
        jdbc.sql("INSERT INTO webhook_notice (webhook, subject, body, created_at, attempts, next_attempt_at)"
                        + " VALUES (?, ?, ?, ?, 0, ?)")
                .params(name, cut(subject, MAX_SUBJECT), JsonText.write(notice), now, now)
                .update();
        wakeAfterCommit();
    }

    /** Wakes the delivery thread once the current transaction commits (at once without one). */
    void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    /** Sends the due notices soon, on the delivery thread. */
    void wake() {
        if (!closed && enabled() && drainQueued.compareAndSet(false, true)) {
            try {
                thread.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                drainQueued.set(false); // closing
            }
        }
    }

    private record Waiting(long id, String subject, String body, int attempts, OffsetDateTime nextAttemptAt) {}

    /** Sends waiting notices in order until none is due; a notice waiting for its retry holds back the ones after it. */
    private void drain() {
        drainQueued.set(false);
        try {
            while (!closed) {
                Optional<Waiting> head = jdbc.sql(
                                "SELECT id, subject, body, attempts, next_attempt_at FROM webhook_notice"
                                        + " WHERE webhook = ? AND delivered_at IS NULL AND given_up_at IS NULL"
                                        + " ORDER BY id FETCH FIRST 1 ROWS ONLY")
                        .param(name)
                        .query((rs, i) -> new Waiting(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getInt(4),
                                rs.getObject(5, OffsetDateTime.class)))
                        .optional();
                if (head.isEmpty()) {
                    forgetOldDeliveries();
                    return;
                }
                Waiting w = head.get();
                Duration wait = Duration.between(now(), w.nextAttemptAt());
                if (!wait.isNegative() && !wait.isZero()) {
                    thread.schedule(this::wake, Math.min(wait.toMillis() + 1, poll.toMillis()), TimeUnit.MILLISECONDS);
                    return;
                }
                int attempt = w.attempts() + 1;
                // claim the attempt: no other node (or later drain) sends it before this attempt had its time
                Duration lease = settings.timeout().multipliedBy(2).plus(settings.timeout());
                int claimed = jdbc.sql("UPDATE webhook_notice SET attempts = ?, next_attempt_at = ?"
                                + " WHERE id = ? AND attempts = ? AND delivered_at IS NULL AND given_up_at IS NULL")
                        .params(attempt, now().plus(lease), w.id(), w.attempts())
                        .update();
                if (claimed == 0) {
                    continue;
                }
                String error = post(w);
                if (error == null) {
                    jdbc.sql("UPDATE webhook_notice SET delivered_at = ?, last_error = NULL WHERE id = ?")
                            .params(now(), w.id())
                            .update();
                } else if (attempt >= Math.max(1, settings.attempts())) {
                    jdbc.sql("UPDATE webhook_notice SET given_up_at = ?, last_error = ? WHERE id = ?")
                            .params(now(), cut(error, MAX_ERROR), w.id())
                            .update();
                    LOG.warn(
                            "{} webhook: notice {} ({}) not delivered after {} attempts: {}",
                            name,
                            w.id(),
                            w.subject(),
                            attempt,
                            error);
                } else {
                    Duration pause = settings.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
                    jdbc.sql("UPDATE webhook_notice SET next_attempt_at = ?, last_error = ? WHERE id = ?")
                            .params(now().plus(pause), cut(error, MAX_ERROR), w.id())
                            .update();
                }
            }
        } catch (RuntimeException e) {
            // the database is away (or the context closing): the next poll tries again
            if (!closed) {
                LOG.warn("{} webhook: delivery paused: {}", name, e.toString());
            }
        }
    }

    /** One attempt: null when the receiver accepted the notice, otherwise what went wrong. */
    private String post(Waiting w) {
        HttpRequest request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header(NOTICE_HEADER, Long.toString(w.id()))
                .POST(HttpRequest.BodyPublishers.ofString(w.body(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** When delivered notices older than {@code keepDelivered} were last deleted (on the delivery thread only). */
    private OffsetDateTime lastPurge = OffsetDateTime.MIN;

    /** Deletes delivered notices past their keeping time, at most once an hour (not on every drain). */
    private void forgetOldDeliveries() {
        OffsetDateTime now = now();
        if (lastPurge.isAfter(now.minusHours(1))) {
            return;
        }
        lastPurge = now;
        jdbc.sql("DELETE FROM webhook_notice WHERE webhook = ? AND delivered_at < ?")
                .params(name, now.minus(keepDelivered))
                .update();
    }

    /** The URL without user information and query (which may carry credentials), for status pages. */
    public String safeUrl() {
        if (!enabled()) {
            return null;
        }
        URI u = settings.url();
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()) + u.getRawPath();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * Stops the delivery thread, letting an attempt in progress finish (up to its timeout). Notices not yet delivered
     * stay in the outbox for the next start.
     */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.shutdown();
        thread.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    }
}
