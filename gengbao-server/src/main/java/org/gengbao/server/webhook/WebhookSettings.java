package org.gengbao.server.webhook;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how persistently one webhook is told.
 *
 * @param url where the JSON notices are POSTed; null or blank: the webhook is off
 * @param attempts how often a notice is tried before it is given up (and logged); at least 1
 * @param timeout time limit of one attempt (connection and answer)
 * @param backoff pause before the second attempt, doubled for each further one
 */
public record WebhookSettings(URI url, int attempts, Duration timeout, Duration backoff) {
    public boolean enabled() {
        return url != null && !url.toString().isBlank();
    }
}
