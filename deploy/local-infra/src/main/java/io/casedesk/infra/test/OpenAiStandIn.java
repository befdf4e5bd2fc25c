package io.casedesk.infra.test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A local server that speaks the OpenAI chat-completions protocol ({@code POST /v1/chat/completions}), for testing
 * the {@code openai} engines with the real LangChain4j client. It answers with the content a test chooses, can be
 * slow (to prove timeouts) or fail with an HTTP status, and records every request body it received.
 */
public final class OpenAiStandIn implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> requestBodies = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Function<String, String> answer = body -> "";
    private volatile Duration delay = Duration.ZERO;
    private volatile int failureStatus;

    private OpenAiStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::complete);
        server.setExecutor(executor);
        server.start();
    }

    public static OpenAiStandIn start() {
        try {
            return new OpenAiStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the OpenAI stand-in", e);
        }
    }

    /** The base URL to configure in an OpenAI client, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Every completion answers with this assistant message content. */
    public OpenAiStandIn answering(String content) {
        return answering(body -> content);
    }

    /** Completions answer with the content computed from the request body (JSON as the client sent it). */
    public OpenAiStandIn answering(Function<String, String> contentForRequest) {
        this.answer = contentForRequest;
        this.failureStatus = 0;
        return this;
    }

    /** Completions wait this long before answering (a client with a shorter timeout gives up). */
    public OpenAiStandIn delaying(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Completions fail with this HTTP status and an OpenAI-style error body. */
    public OpenAiStandIn failingWith(int status) {
        this.failureStatus = status;
        return this;
    }

    /** The bodies of the requests received so far, oldest first. */
    public List<String> requestBodies() {
        return List.copyOf(requestBodies);
    }

    private void complete(HttpExchange exchange) throws IOException {
        try (exchange) {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requestBodies.add(request);
            if (!delay.isZero() && closing.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            int status = failureStatus;
            String body = status != 0
                    ? "{\"error\":{\"message\":\"stand-in failure\",\"type\":\"server_error\",\"code\":null}}"
                    : completion(answer.apply(request));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status != 0 ? status : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // The client stopped waiting: that is a timeout under test, not a failure of the stand-in.
        }
    }

    private static String completion(String content) {
        return "{\"id\":\"chatcmpl-standin\",\"object\":\"chat.completion\",\"created\":1767600000,\"model\":\"stand-in\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + jsonString(content)
                + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":10,\"total_tokens\":20}}";
    }

    /** {@code value} as a JSON string literal. */
    public static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
