package org.gengbao.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.gengbao.server.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The retrying sender against a real local HTTP receiver whose answers each test chooses. */
class WebhookSenderTest {
    private WebhookReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private static WebhookSettings settings(URI url, int attempts) {
        return new WebhookSettings(url, attempts, Duration.ofSeconds(2), Duration.ofMillis(50));
    }

    @Test
    void aNoticeRefusedOnceIsDeliveredAtTheSecondAttemptAndNoticesKeepTheirOrder() throws Exception {
        receiver = WebhookReceiver.start((call, body) -> call == 1 ? 500 : 204);
        WebhookSender sender = new WebhookSender("test-webhook", settings(receiver.url(), 3));
        sender.send("first", Map.of("n", 1));
        sender.send("second", Map.of("n", 2));
        sender.close();
        assertThat(receiver.calls()).isEqualTo(3);
        assertThat(receiver.accepted()).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(receiver.contentTypes()).containsOnly("application/json");
    }

    @Test
    void aNoticeIsGivenUpAfterTheConfiguredAttempts() throws Exception {
        receiver = WebhookReceiver.start((call, body) -> call <= 3 ? 503 : 204);
        WebhookSender sender = new WebhookSender("test-webhook", settings(receiver.url(), 3));
        sender.send("refused", Map.of("n", 1));
        sender.send("accepted", Map.of("n", 2));
        sender.close();
        assertThat(receiver.calls())
                .as("three attempts for the first, one for the second")
                .isEqualTo(4);
        assertThat(receiver.accepted()).containsExactly("{\"n\":2}");
    }

    @Test
    void anUnreachableReceiverDoesNotHoldTheCallerAndNoUrlSendsNothing() throws Exception {
        WebhookReceiver closed = WebhookReceiver.start((call, body) -> 204);
        URI gone = closed.url();
        closed.close();
        WebhookSender unreachable = new WebhookSender("test-webhook", settings(gone, 2));
        long start = System.nanoTime();
        unreachable.send("lost", Map.of("n", 1));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        unreachable.close();
        assertThat(closed.calls()).isZero();

        receiver = WebhookReceiver.start((call, body) -> 204);
        for (URI none : new URI[] {null, URI.create("")}) {
            WebhookSender off = new WebhookSender("test-webhook", settings(none, 2));
            assertThat(off.enabled()).isFalse();
            off.send("nothing", Map.of("n", 1));
            off.close();
        }
        assertThat(receiver.calls()).isZero();
    }
}
