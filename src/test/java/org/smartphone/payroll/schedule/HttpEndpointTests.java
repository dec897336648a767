package org.smartphone.payroll.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** serve's /health answer, in process: the JSON a monitoring probe reads, UP or DOWN with the database's error. */
class HttpEndpointTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aDatabaseThatAnswersIsUp() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:health");

        HttpResponse<String> health = health(database);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"}}}");
    }

    @Test
    void aDatabaseThatFailsIsDownWithItsErrorAsAJsonString() throws Exception {
        DataSource refusing = (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw new SQLException("Connection to \"db\" refused\\\n\tcheck the host");
                });

        HttpResponse<String> health = health(refusing);

        assertThat(health.statusCode()).isEqualTo(503);
        // the quote, backslash, newline and tab escaped: a message on several lines stays valid JSON
        assertThat(health.body())
                .isEqualTo("{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"DOWN\","
                        + "\"error\":\"Connection to \\\"db\\\" refused\\\\\\n\\tcheck the host\"}}}");
    }

    private static HttpResponse<String> health(DataSource database) throws Exception {
        try (HttpEndpoint endpoint =
                HttpEndpoint.start(0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), database)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/health"))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
