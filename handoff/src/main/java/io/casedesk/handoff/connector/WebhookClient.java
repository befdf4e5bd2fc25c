package io.casedesk.handoff.connector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * POSTs JSON to an external helpdesk's webhook, with optional basic auth, retrying connection failures,
 * 429 and 5xx with a doubling pause. Any other answer is final: retrying a refused request changes nothing.
 */
public class WebhookClient {

    /** The outcome of one delivery. */
    public record Result(boolean delivered, int attempts, int lastStatus) {
    }

    private final HttpClient http;
    private final String baseUrl;
    private final String authorization;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration timeout;

    public WebhookClient(String baseUrl, String username, String password, int maxAttempts, Duration backoff,
                         Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = username == null || username.isBlank() ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoff = backoff;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** POSTs {@code json} to {@code base + path}; blocks through the retries. */
    public Result post(String path, String json) {
        int status = 0;
        Duration pause = backoff;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 200 && status < 300) {
                    return new Result(true, attempt, status);
                }
                if (status != 429 && status < 500) {
                    return new Result(false, attempt, status);
                }
            } catch (IOException e) {
                status = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(false, attempt, status);
            }
            if (attempt < maxAttempts) {
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Result(false, attempt, status);
                }
                pause = pause.multipliedBy(2);
            }
        }
        return new Result(false, maxAttempts, status);
    }
}
