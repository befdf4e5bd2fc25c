package io.casedesk.handoff.service;

import io.casedesk.handoff.config.HandoffConfig;
import io.casedesk.schema.Channel;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Fetches a file's bytes from the ingress that received it ({@code GET /internal/attachments/{id}?source=}), with
 * handoff's attachment key. Reads at most the size limit: a longer answer is cut off and counts as too large.
 */
@ApplicationScoped
public class AttachmentFetcher {

    /** What one attempt came to. */
    public sealed interface Outcome {
    }

    public record Fetched(byte[] bytes, String mediaType) implements Outcome {
    }

    public record TooLarge() implements Outcome {
    }

    /** The channel does not have it (any more): trying again changes nothing. */
    public record Gone(int status) implements Outcome {
    }

    /** Worth another attempt later: the ingress was down, busy or failed. */
    public record Failed(String why) implements Outcome {
    }

    private final HandoffConfig.Attachments config;
    private final HttpClient http;

    public AttachmentFetcher(HandoffConfig config) {
        this.config = config.attachments();
        this.http = HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
    }

    public Outcome fetch(Channel channel, String sourceRef, String channelId) {
        String base = channel == Channel.EMAIL ? config.emailUrl() : config.lineUrl();
        URI uri = URI.create(stripSlash(base) + "/internal/attachments/" + encode(channelId) + "?source="
                + encode(sourceRef));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.timeout())
                .header("Authorization", "Bearer " + config.fetchKey().orElse("")).GET().build();
        long limit = config.maxBytes().asLongValue();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status == 200) {
                    // One byte past the limit tells a file of exactly the limit from a larger one.
                    byte[] bytes = body.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
                    return bytes.length > limit ? new TooLarge()
                            : new Fetched(bytes, response.headers().firstValue("Content-Type").orElse(null));
                }
                if (status == 413) {
                    return new TooLarge();
                }
                if (status == 404 || status == 410) {
                    return new Gone(status);
                }
                return new Failed("HTTP " + status);
            }
        } catch (IOException e) {
            return new Failed(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("interrupted");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
