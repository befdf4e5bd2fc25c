package io.casedesk.linesimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The part of the LINE Messaging API the bot uses, under {@code /v2/bot}: reply, push (with
 * {@code X-Line-Retry-Key}), loading animation and profile. Answers with LINE's status codes and error
 * shape so the official SDK client behaves as it would against {@code api.line.me}.
 * <p>
 * With an API delay, each call is handled when the delay has passed (what it sends is recorded then), as a call to
 * the real API, tens of milliseconds away, would be. The wait is a timer, not a thread per call: the calls in flight
 * are as many as the bot makes at once, so a sender's concurrency is measured and not the simulator's.
 */
final class MessagingApi implements HttpHandler {

    static final String PATH = "/v2/bot/";
    private static final Logger LOG = Logger.getLogger(MessagingApi.class.getName());
    private static final String RETRY_KEY_HEADER = "X-Line-Retry-Key";
    static final String TRACEPARENT_HEADER = "traceparent";
    private static final String REQUEST_ID_HEADER = "x-line-request-id";
    private static final String PROFILE_PREFIX = "/v2/bot/profile/";
    private static final String CONTENT_PREFIX = "/v2/bot/message/";
    private static final String CONTENT_SUFFIX = "/content";
    private static final int MAX_MESSAGES = 5;

    private final byte[] expectedAuthorization;
    private final Function<String, Optional<SimulatedUser>> users;
    private final ChatLog chatLog;
    private final ChatEvents events;
    /** Reply tokens this simulator issued and that are still unused, with the chat each belongs to. */
    private final Map<String, String> openReplyTokens = new ConcurrentHashMap<>();
    /** What users sent (images, files...), by message id, as the content API serves it. */
    private final Map<String, Content> contents = new ConcurrentHashMap<>();

    private record Content(String mediaType, byte[] bytes) {
    }

    /** Retry keys of accepted pushes, with the request id that accepted them. */
    private final Map<String, String> acceptedRetryKeys = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final Executor handlers;
    private volatile Duration apiDelay;
    /** Calls received and not yet answered, and the most at one time since the delay was last set. */
    private final AtomicInteger callsInFlight = new AtomicInteger();
    private final AtomicInteger peakCallsInFlight = new AtomicInteger();
    /** The client ends (address and port) calls came from since the delay was last set: one per TCP connection. */
    private final Set<InetSocketAddress> connectionsUsed = ConcurrentHashMap.newKeySet();

    MessagingApi(String channelToken, Function<String, Optional<SimulatedUser>> users, ChatLog chatLog,
            ChatEvents events, Duration apiDelay, ScheduledExecutorService timer, Executor handlers) {
        this.expectedAuthorization = ("Bearer " + channelToken).getBytes(StandardCharsets.UTF_8);
        this.users = users;
        this.chatLog = chatLog;
        this.events = events;
        this.apiDelay = apiDelay;
        this.timer = timer;
        this.handlers = handlers;
    }

    Duration apiDelay() {
        return apiDelay;
    }

    /** Sets the delay of the calls received from now on, and starts counting the peak of calls in flight again. */
    void apiDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("The API delay must not be negative");
        }
        apiDelay = delay;
        peakCallsInFlight.set(callsInFlight.get());
        connectionsUsed.clear();
    }

    int callsInFlight() {
        return callsInFlight.get();
    }

    int peakCallsInFlight() {
        return peakCallsInFlight.get();
    }

    int connectionsUsed() {
        return connectionsUsed.size();
    }

    /** A new single-use reply token for a chat, as LINE puts into a webhook event. */
    String issueReplyToken(String chatId) {
        String token = LineIds.randomHex();
        openReplyTokens.put(token, chatId);
        return token;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        peakCallsInFlight.accumulateAndGet(callsInFlight.incrementAndGet(), Math::max);
        connectionsUsed.add(exchange.getRemoteAddress());
        long delayMillis = apiDelay.toMillis();
        if (delayMillis <= 0) {
            answer(exchange);
            return;
        }
        // The exchange stays open when this method returns; it is answered and closed when the timer fires.
        try {
            timer.schedule(() -> answerOn(handlers, exchange), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            answer(exchange);
        }
    }

    private void answerOn(Executor executor, HttpExchange exchange) {
        try {
            executor.execute(() -> answerLater(exchange));
        } catch (RejectedExecutionException stopping) {
            callsInFlight.decrementAndGet();
            exchange.close();
        }
    }

    private void answerLater(HttpExchange exchange) {
        try {
            answer(exchange);
        } catch (IOException | RuntimeException e) {
            // The bot hung up while it waited; nothing to answer.
            LOG.fine(() -> "A delayed Messaging API call ended without an answer: " + e.getClass().getSimpleName());
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        // Counted out before the answer is written: once the client has it, it may send its next call at once, and
        // that call must not find this one still counted.
        callsInFlight.decrementAndGet();
        try (exchange) {
            String requestId = LineIds.randomHex();
            exchange.getResponseHeaders().set(REQUEST_ID_HEADER, requestId);
            if (!authorized(exchange)) {
                Exchanges.error(exchange, 401,
                        "Authentication failed. Confirm that the access token in the authorization header is valid.");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals("/v2/bot/message/reply")) {
                reply(exchange);
            } else if (method.equals("POST") && path.equals("/v2/bot/message/push")) {
                push(exchange, requestId);
            } else if (method.equals("POST") && path.equals("/v2/bot/chat/loading/start")) {
                startLoading(exchange);
            } else if (method.equals("GET") && path.startsWith(CONTENT_PREFIX) && path.endsWith(CONTENT_SUFFIX)) {
                content(exchange, path.substring(CONTENT_PREFIX.length(), path.length() - CONTENT_SUFFIX.length()));
            } else if (method.equals("GET") && path.startsWith(PROFILE_PREFIX)) {
                profile(exchange, path.substring(PROFILE_PREFIX.length()));
            } else {
                Exchanges.error(exchange, 404, "Not found");
            }
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && MessageDigest.isEqual(expectedAuthorization, header.getBytes(StandardCharsets.UTF_8));
    }

    private void reply(HttpExchange exchange) throws IOException {
        JsonNode request = Exchanges.readJsonObject(exchange);
        List<String> texts = request == null ? null : texts(request);
        if (texts == null) {
            Exchanges.error(exchange, 400, "The request body has 1 error(s): messages must hold 1 to 5 messages");
            return;
        }
        String replyToken = Json.text(request, "replyToken");
        String chatId = replyToken == null ? null : openReplyTokens.get(replyToken);
        if (chatId == null) {
            Exchanges.error(exchange, 400, "Invalid reply token");
            return;
        }
        // A refused reply does not use up its token, as on LINE.
        if (answeredWithScriptedFailure(exchange, chatId, BotMessage.REPLY, replyToken, null, texts.size())) {
            return;
        }
        if (openReplyTokens.remove(replyToken) == null) {
            Exchanges.error(exchange, 400, "Invalid reply token");
            return;
        }
        chatLog.recordCall(new ApiCall(chatId, BotMessage.REPLY, 200, replyToken, null, texts.size()));
        record(new BotMessage(chatId, BotMessage.REPLY, Instant.now(), texts, replyToken, null, senderName(request),
                traceparent(exchange)));
        Exchanges.respond(exchange, 200, sentMessages(texts.size()));
    }

    private void push(HttpExchange exchange, String requestId) throws IOException {
        String retryKey = exchange.getRequestHeaders().getFirst(RETRY_KEY_HEADER);
        if (retryKey != null && !isUuid(retryKey)) {
            Exchanges.error(exchange, 400, "The value for the 'X-Line-Retry-Key' header is invalid");
            return;
        }
        JsonNode request = Exchanges.readJsonObject(exchange);
        List<String> texts = request == null ? null : texts(request);
        String to = request == null ? null : Json.text(request, "to");
        if (texts == null || to == null) {
            Exchanges.error(exchange, 400, "The request body has 1 error(s): 'to' and 1 to 5 messages are required");
            return;
        }
        // A refused push does not accept its retry key, so the bot may send it again.
        if (answeredWithScriptedFailure(exchange, to, BotMessage.PUSH, null, retryKey, texts.size())) {
            return;
        }
        if (retryKey != null) {
            String acceptedBy = acceptedRetryKeys.putIfAbsent(retryKey.toLowerCase(Locale.ROOT), requestId);
            if (acceptedBy != null) {
                chatLog.recordCall(new ApiCall(to, BotMessage.PUSH, 409, null, retryKey, texts.size()));
                exchange.getResponseHeaders().set("x-line-accepted-request-id", acceptedBy);
                Exchanges.error(exchange, 409, "The retry key is already accepted");
                return;
            }
        }
        chatLog.recordCall(new ApiCall(to, BotMessage.PUSH, 200, null, retryKey, texts.size()));
        record(new BotMessage(to, BotMessage.PUSH, Instant.now(), texts, null, retryKey, senderName(request),
                traceparent(exchange)));
        Exchanges.respond(exchange, 200, sentMessages(texts.size()));
    }

    /** Answers with the failure queued for {@code chatId}, if there is one; records the call either way it ends. */
    private boolean answeredWithScriptedFailure(HttpExchange exchange, String chatId, String method, String replyToken,
            String retryKey, int messageCount) throws IOException {
        Optional<ScriptedFailure> failure = chatLog.nextFailure(chatId);
        if (failure.isEmpty()) {
            return false;
        }
        chatLog.recordCall(new ApiCall(chatId, method, failure.get().status(), replyToken, retryKey, messageCount));
        if (failure.get().retryAfterSeconds() != null) {
            exchange.getResponseHeaders().set("Retry-After", failure.get().retryAfterSeconds().toString());
        }
        Exchanges.error(exchange, failure.get().status(), failure.get().message());
        return true;
    }

    private void startLoading(HttpExchange exchange) throws IOException {
        JsonNode request = Exchanges.readJsonObject(exchange);
        String chatId = request == null ? null : Json.text(request, "chatId");
        int seconds = request == null ? 0 : request.path("loadingSeconds").asInt(20);
        if (chatId == null || seconds < 5 || seconds > 60 || seconds % 5 != 0) {
            Exchanges.error(exchange, 400, "The request body has 1 error(s): chatId and loadingSeconds (5 to 60, a multiple of 5) are required");
            return;
        }
        chatLog.recordLoadingStart(chatId);
        int animationSeconds = seconds;
        events.publish(id -> ChatEvent.loading(id, chatId, animationSeconds));
        Exchanges.respond(exchange, 202, Map.of());
    }

    void content(String messageId, String mediaType, byte[] bytes) {
        contents.put(messageId, new Content(mediaType, bytes.clone()));
    }

    /** The content API ({@code api-data.line.me}): the bytes of a message, 404 for one it does not have. */
    private void content(HttpExchange exchange, String messageId) throws IOException {
        Content content = contents.get(messageId);
        if (content == null) {
            Exchanges.error(exchange, 404, "Not found");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", content.mediaType());
        exchange.sendResponseHeaders(200, content.bytes().length == 0 ? -1 : content.bytes().length);
        exchange.getResponseBody().write(content.bytes());
    }

    private void profile(HttpExchange exchange, String userId) throws IOException {
        chatLog.recordProfileLookup(userId);
        Optional<SimulatedUser> user = users.apply(userId);
        if (user.isEmpty()) {
            Exchanges.error(exchange, 404, "Not found");
            return;
        }
        Map<String, String> profile = new LinkedHashMap<>();
        profile.put("userId", userId);
        profile.put("displayName", user.get().displayName());
        if (user.get().language() != null) {
            profile.put("language", user.get().language());
        }
        Exchanges.respond(exchange, 200, profile);
    }

    private void record(BotMessage message) {
        chatLog.record(message);
        events.publish(id -> ChatEvent.bot(id, message));
        // The chat page and the event stream show every message; the log keeps them at FINE.
        LOG.fine(() -> "Bot " + message.method() + " to " + message.chatId() + ": " + message.texts().size()
                + " message(s)");
    }

    /** The text of each message (non-text ones as {@code [type]}), or {@code null} unless there are 1 to 5. */
    private static List<String> texts(JsonNode request) {
        JsonNode messages = request.path("messages");
        if (!messages.isArray() || messages.isEmpty() || messages.size() > MAX_MESSAGES) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode message : messages) {
            String type = Json.text(message, "type");
            texts.add("text".equals(type) ? message.path("text").asText() : "[" + type + "]");
        }
        return texts;
    }

    /** The {@code traceparent} header of the request, as sent (recorded, not checked). */
    private static String traceparent(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst(TRACEPARENT_HEADER);
    }

    /** The {@code sender.name} of the first message, if it carries one. */
    private static String senderName(JsonNode request) {
        return Json.text(request.path("messages").path(0).path("sender"), "name");
    }

    private static Map<String, List<Map<String, String>>> sentMessages(int count) {
        List<Map<String, String>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(Map.of("id", LineIds.messageId(), "quoteToken", LineIds.randomHex()));
        }
        return Map.of("sentMessages", sent);
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
