package org.smartphone.payroll.schedule;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Prometheus scrape ({@code /metrics}) and a health check ({@code /health}: the database
 * answers) of {@code serve}, on the loopback address only, with the JDK's own HTTP server: nothing is
 * added to the start of the other commands, which never open a port. {@code GET} and {@code HEAD} on
 * exactly those two paths; 405 for another method there, 404 anywhere else.
 */
final class HttpEndpoint implements AutoCloseable {

    /** Seconds a client has to send its whole request; then its connection is closed. */
    static final int REQUEST_SECONDS = 10;
    /** Seconds a client has to take the whole answer. */
    static final int RESPONSE_SECONDS = 30;
    /** Requests answered at the same time: a client that stalls holds one of them until its time is up. */
    private static final int WORKERS = 4;

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String PLAIN_TEXT = "text/plain; charset=utf-8";
    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpServer server;
    private final ExecutorService executor;

    private HttpEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static HttpEndpoint start(int port, PrometheusMeterRegistry registry, DataSource dataSource) throws IOException {
        limitSlowClients();
        Map<String, Page> pages = Map.of(
                "/metrics", exchange -> answer(exchange, 200, PROMETHEUS_TEXT, registry.scrape()),
                "/health", exchange -> health(exchange, dataSource));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> route(exchange, pages));
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "serve-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        return new HttpEndpoint(server, executor);
    }

    /**
     * The JDK's server reads a request on a worker thread and, by default, waits for ever for a
     * client that stops halfway: these limits close its connection instead. They are system
     * properties that the server reads once, when its configuration class loads, so they are set
     * before the first server is created (serve's process creates no other); a value given on the
     * command line ({@code -Dsun.net.httpserver.maxReqTime=...}) is kept.
     */
    private static void limitSlowClients() {
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        System.getProperties().putIfAbsent("sun.net.httpserver.maxRspTime", Integer.toString(RESPONSE_SECONDS));
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void route(HttpExchange exchange, Map<String, Page> pages) throws IOException {
        Page page = pages.get(exchange.getRequestURI().getRawPath());
        String method = exchange.getRequestMethod();
        if (page == null) {
            answer(exchange, 404, PLAIN_TEXT, "Not found: this endpoint serves /metrics and /health.\n");
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            answer(exchange, 405, PLAIN_TEXT, "Method not allowed: GET or HEAD.\n");
        } else {
            page.answer(exchange);
        }
    }

    /**
     * {@code {"status":"UP","components":{"db":{"status":"UP"}}}}, Spring Boot Actuator's shape, or
     * DOWN with the database's error under {@code db}, answered 503.
     */
    private static void health(HttpExchange exchange, DataSource dataSource) throws IOException {
        String problem = databaseProblem(dataSource);
        String status = problem == null ? "UP" : "DOWN";
        ObjectNode health = JSON.createObjectNode().put("status", status);
        ObjectNode db = health.putObject("components").putObject("db").put("status", status);
        if (problem != null) {
            db.put("error", problem);
        }
        answer(exchange, problem == null ? 200 : 503, "application/json", JSON.writeValueAsString(health));
    }

    private static String databaseProblem(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? null : "the database does not answer";
        } catch (SQLException e) {
            return String.valueOf(e.getMessage());
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** One of the two paths served. */
    @FunctionalInterface
    private interface Page {
        void answer(HttpExchange exchange) throws IOException;
    }
}
