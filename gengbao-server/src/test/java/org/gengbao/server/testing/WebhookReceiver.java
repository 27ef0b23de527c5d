package org.gengbao.server.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real HTTP server on 127.0.0.1 standing in for the outside system a webhook tells: it takes POSTs at {@code /hook},
 * answers each with the status {@link Answer} chooses, and keeps the bodies it accepted (2xx), in arrival order.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** The status of the answer to a call, from its number (1 for the first call) and its body. */
    @FunctionalInterface
    public interface Answer {
        int status(int call, String body);
    }

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final List<String> noticeNumbers = new CopyOnWriteArrayList<>();

    private WebhookReceiver(Answer answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
                noticeNumbers.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Gengbao-Notice")));
                int status = answer.status(calls.incrementAndGet(), body);
                if (status / 100 == 2) {
                    accepted.add(body);
                }
                exchange.sendResponseHeaders(status, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public static WebhookReceiver start(Answer answer) {
        try {
            return new WebhookReceiver(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** How many calls arrived, whatever their answer. */
    public int calls() {
        return calls.get();
    }

    /** The bodies answered with 2xx, in arrival order. */
    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    /** The Content-Type header of every call. */
    public List<String> contentTypes() {
        return List.copyOf(contentTypes);
    }

    /** The X-Gengbao-Notice header of every call (the notice's number in the outbox). */
    public List<String> noticeNumbers() {
        return List.copyOf(noticeNumbers);
    }

    /** The first accepted body that matches, waiting for it up to {@code timeout}; an AssertionError if none came. */
    public String await(Predicate<String> matches, Duration timeout, String what) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            for (String body : accepted) {
                if (matches.test(body)) {
                    return body;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no notice of " + what + " accepted (calls: " + calls.get() + ")");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
