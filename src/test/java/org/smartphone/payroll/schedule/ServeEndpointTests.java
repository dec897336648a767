package org.smartphone.payroll.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartphone.payroll.support.EngineProcess;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * serve's HTTP endpoint through real sockets, against serve in a process of its own: a client that
 * stalls halfway through its request neither keeps Prometheus nor the health check waiting, and is
 * cut off after {@link HttpEndpoint#REQUEST_SECONDS}; only GET and HEAD of exactly /metrics and
 * /health are answered.
 */
class ServeEndpointTests {

    @TempDir
    static Path dir;

    static EngineProcess serve;
    static int port;
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startServe() throws Exception {
        Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
        serve = EngineProcess.start(programme, Map.of("PAYROLL_SERVE_PORT", "0"), "serve");
        Pattern started = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/metrics");
        long deadline = System.currentTimeMillis() + 120_000;
        Matcher matcher = started.matcher(serve.output());
        while (!matcher.find()) {
            if (!serve.isAlive() || System.currentTimeMillis() > deadline) {
                throw new AssertionError("serve did not start:\n" + serve.output());
            }
            Thread.sleep(100);
            matcher = started.matcher(serve.output());
        }
        port = Integer.parseInt(matcher.group(1));
    }

    @AfterAll
    static void stopServe() {
        serve.terminate();
        assertThat(serve.waitFor()).as(serve.output()).isIn(0, 143);
    }

    @Test
    void aClientStalledHalfwayDoesNotHoldUpTheHealthCheckAndIsCutOffAfterItsTime() throws Exception {
        try (Socket stalled = new Socket("127.0.0.1", port)) {
            stalled.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();
            Thread.sleep(200); // the server has taken the connection and started reading it

            HttpResponse<String> health = send("GET", "/health", Duration.ofSeconds(3));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(send("GET", "/metrics", Duration.ofSeconds(3)).statusCode())
                    .isEqualTo(200);

            stalled.setSoTimeout((HttpEndpoint.REQUEST_SECONDS + 10) * 1000);
            assertThat(closedByServer(stalled))
                    .as("the stalled connection is closed by serve")
                    .isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/metrics"})
    void anotherMethodThanGetOrHeadIsRefusedNamingThoseTwo(String path) throws Exception {
        for (String method : new String[] {"POST", "PUT", "DELETE", "OPTIONS"}) {
            HttpResponse<String> response = send(method, path, Duration.ofSeconds(5));
            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).as(method).hasValue("GET, HEAD");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/metrics/x", "/metricsx", "/healthz", "/health/", "/x/metrics", "/favicon.ico"})
    void everyOtherPathIsNotFound(String path) throws Exception {
        assertThat(send("GET", path, Duration.ofSeconds(5)).statusCode()).isEqualTo(404);
        assertThat(send("POST", path, Duration.ofSeconds(5)).statusCode()).isEqualTo(404);
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        for (String path : new String[] {"/health", "/metrics"}) {
            HttpResponse<String> response = send("HEAD", path, Duration.ofSeconds(5));
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isEmpty();
        }
    }

    private static HttpResponse<String> send(String method, String path, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(timeout)
                .method(
                        method,
                        method.equals("POST") || method.equals("PUT")
                                ? HttpRequest.BodyPublishers.ofString("x")
                                : HttpRequest.BodyPublishers.noBody())
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Reads until the end: true when the server closed the connection before the socket's timeout. */
    private static boolean closedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // an answer to the half request would also do, as long as the connection then ends
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }
}
