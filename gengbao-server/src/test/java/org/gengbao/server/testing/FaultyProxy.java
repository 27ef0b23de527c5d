package org.gengbao.server.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * An HTTP proxy in front of a test server that loses connections on purpose, the way a phone's upload fails in the
 * fields. Each request takes the next planned {@link Fault} (PASS when the plan is empty):
 *
 * <ul>
 *   <li>{@code DROP_REQUEST}: the connection dies before the request reaches the server;
 *   <li>{@code TRUNCATE}: the server receives the headers and half the body, then the connection dies;
 *   <li>{@code DROP_RESPONSE}: the server handles the request completely, then the answer is lost.
 * </ul>
 *
 * In every failing case the client sees its connection closed without an answer. {@link #log()} tells what happened.
 */
public final class FaultyProxy implements AutoCloseable {
    /** What happens to one request. */
    public enum Fault {
        PASS,
        DROP_REQUEST,
        TRUNCATE,
        DROP_RESPONSE
    }

    private static final Set<String> NOT_FORWARDED =
            Set.of("connection", "content-length", "host", "expect", "upgrade", "transfer-encoding");

    private final HttpServer server;
    private final int upstreamPort;
    private final HttpClient upstream =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Deque<Fault> plan = new ArrayDeque<>();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    public FaultyProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Plans the faults of the next requests, in order. */
    public synchronized void plan(Fault... faults) {
        plan.addAll(List.of(faults));
    }

    public synchronized int planned() {
        return plan.size();
    }

    /** "METHOD path FAULT status" per request handled, in order. */
    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    private synchronized Fault next() {
        return plan.isEmpty() ? Fault.PASS : plan.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().toString();
        Fault fault = next();
        switch (fault) {
            case DROP_REQUEST -> {
                log.add(method + " " + path + " DROP_REQUEST -");
                throw new IOException("planned fault: connection lost before the request reached the server");
            }
            case TRUNCATE -> {
                truncated(exchange, method, path, body);
                log.add(method + " " + path + " TRUNCATE -");
                throw new IOException("planned fault: connection lost in the middle of the request body");
            }
            default -> {}
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + upstreamPort + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (fault == Fault.DROP_RESPONSE) {
            log.add(method + " " + path + " DROP_RESPONSE " + response.statusCode());
            throw new IOException("planned fault: the answer was lost");
        }
        log.add(method + " " + path + " PASS " + response.statusCode());
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] answer = response.body();
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** Sends the request with its full Content-Length but only half of the body, then closes the socket. */
    private void truncated(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", upstreamPort)) {
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            head.append("Host: 127.0.0.1:").append(upstreamPort).append("\r\n");
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n"));
                }
            });
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, body.length / 2);
            out.flush();
            // Give the server time to start reading the body before the connection dies.
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            InputStream ignored = socket.getInputStream();
            socket.setSoLinger(true, 0);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
