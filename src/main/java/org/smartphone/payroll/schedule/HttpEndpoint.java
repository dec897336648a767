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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

/**
 * The Prometheus scrape ({@code /metrics}) and a health check ({@code /health}: the database
 * answers) of {@code serve}, on the loopback address only, with the JDK's own HTTP server: nothing is
 * added to the start of the other commands, which never open a port.
 */
final class HttpEndpoint implements AutoCloseable {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private HttpEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static HttpEndpoint start(int port, PrometheusMeterRegistry registry, DataSource dataSource) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/metrics", exchange -> answer(exchange, 200, PROMETHEUS_TEXT, registry.scrape()));
        server.createContext("/health", exchange -> {
            String problem = databaseProblem(dataSource);
            if (problem == null) {
                answer(exchange, 200, "application/json", "{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"}}}");
            } else {
                answer(exchange, 503, "application/json", "{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"DOWN\","
                        + "\"error\":\"" + problem.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}}}");
            }
        });
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "serve-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        return new HttpEndpoint(server, executor);
    }

    int port() {
        return server.getAddress().getPort();
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
}
