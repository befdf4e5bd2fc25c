package io.casedesk.linesimulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A stand-in for the LINE platform: it posts signed webhooks to the bot as LINE would, answers the
 * Messaging API calls the bot makes and records every message the bot sent, per chat. Usable in-process
 * (tests) or as a process ({@link LineSimulatorMain}). A web page at {@code /} lets a person chat as any
 * user and watch the answers arrive ({@link WebPage}, {@link EventStream}).
 *
 * <pre>{@code
 * try (LineSimulator line = LineSimulator.start(SimulatorConfig.forTests().withWebhookUrl(botWebhook))) {
 *     List<BotMessage> replies = line.say("U1234...", "where is my case?", Duration.ofSeconds(15));
 * }
 * }</pre>
 */
public final class LineSimulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LineSimulator.class.getName());
    /** How long a chat must stay quiet before {@link #say} considers the bot's answer complete. */
    private static final Duration ANSWER_SETTLE = Duration.ofSeconds(1);

    private final SimulatorConfig config;
    private final Map<String, SimulatedUser> usersById;
    private final ChatLog chatLog = new ChatLog();
    private final ChatEvents events = new ChatEvents();
    private final MessagingApi messagingApi;
    private final HttpServer server;
    private final ExecutorService executor;
    /** Answers the Messaging API calls when their delay has passed ({@link #apiDelay(Duration)}). */
    private final ScheduledExecutorService apiTimer;
    /**
     * Posts the webhooks over HTTP/1.1 with kept-alive connections. Left to its default, the JDK's client upgrades a
     * plain http:// connection to cleartext HTTP/2 (h2c), which no webhook sent over TLS can use, and the bot's event
     * loop then spends a third of its time on HTTP/2 framing that a real delivery does not cause.
     */
    private final HttpClient httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile URI webhookUrl;

    private LineSimulator(SimulatorConfig config) throws IOException {
        this.config = config;
        this.webhookUrl = config.webhookUrl();
        this.usersById = config.users().stream()
                .collect(Collectors.toUnmodifiableMap(SimulatedUser::userId, Function.identity(), (a, b) -> b));
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "line-simulator");
            thread.setDaemon(true);
            return thread;
        });
        this.apiTimer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "line-simulator-api-delay");
            thread.setDaemon(true);
            return thread;
        });
        this.messagingApi = new MessagingApi(config.channelToken(), this::user, chatLog, events, config.apiDelay(),
                apiTimer, executor);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 0);
        server.createContext(MessagingApi.PATH, messagingApi);
        server.createContext(ControlApi.PATH, new ControlApi(this));
        server.createContext(EventStream.PATH, new EventStream(events, LineIds.randomHex()));
        WebPage page = new WebPage();
        server.createContext("/", page);
        server.createContext(WebPage.ASSETS_PATH, page);
        server.setExecutor(executor);
    }

    /** Starts the simulator's HTTP server; {@link #close()} stops it. */
    public static LineSimulator start(SimulatorConfig config) {
        try {
            LineSimulator simulator = new LineSimulator(config);
            simulator.server.start();
            LOG.info(() -> "LINE simulator listening on " + simulator.baseUrl() + " (" + config + ")");
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the LINE simulator on port " + config.port(), e);
        }
    }

    /** Where the bot's SDK client should point instead of {@code https://api.line.me}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public SimulatorConfig config() {
        return config;
    }

    /** Points the simulator at the bot's webhook; in tests the bot's port is often known only after start. */
    public void webhookUrl(URI url) {
        this.webhookUrl = url;
    }

    public Optional<SimulatedUser> user(String userId) {
        return Optional.ofNullable(usersById.get(userId));
    }

    public Optional<SimulatedUser> userByCustomerRef(String customerRef) {
        return config.users().stream().filter(u -> customerRef.equals(u.customerRef())).findFirst();
    }

    public List<SimulatedUser> users() {
        return config.users();
    }

    /** Builds a webhook with one text message event from {@code userId}, as LINE sends it; nothing is posted. */
    public Webhook textMessage(String userId, String text) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        message.put("type", "text");
        message.put("id", LineIds.messageId());
        message.put("quoteToken", LineIds.randomHex());
        message.put("text", text);
        return messageWebhook(userId, message);
    }

    /** Builds a webhook with one sticker message event from {@code userId}, as LINE sends it; nothing is posted. */
    public Webhook stickerMessage(String userId, ChatEvent.Sticker sticker) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        message.put("type", "sticker");
        message.put("id", LineIds.messageId());
        message.put("quoteToken", LineIds.randomHex());
        message.put("packageId", sticker.packageId());
        message.put("stickerId", sticker.stickerId());
        message.put("stickerResourceType", "STATIC");
        message.putArray("keywords");
        return messageWebhook(userId, message);
    }

    /**
     * Builds a webhook with one {@code image}, {@code video} or {@code audio} message event from {@code userId} whose
     * content the content API then serves ({@code GET /v2/bot/message/{id}/content}); nothing is posted.
     */
    public Webhook mediaMessage(String userId, String type, String mediaType, byte[] content) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        message.put("type", type);
        message.put("id", LineIds.messageId());
        message.put("quoteToken", LineIds.randomHex());
        message.putObject("contentProvider").put("type", "line");
        messagingApi.content(message.get("id").asText(), mediaType, content);
        return messageWebhook(userId, message);
    }

    /** Builds a webhook with one {@code file} message event whose content the content API then serves. */
    public Webhook fileMessage(String userId, String fileName, String mediaType, byte[] content) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        message.put("type", "file");
        message.put("id", LineIds.messageId());
        message.put("fileName", fileName);
        message.put("fileSize", content.length);
        messagingApi.content(message.get("id").asText(), mediaType, content);
        return messageWebhook(userId, message);
    }

    /** Makes the content API serve {@code content} for a message id (as LINE keeps what users send for a while). */
    public void content(String messageId, String mediaType, byte[] content) {
        messagingApi.content(messageId, mediaType, content);
    }

    private Webhook messageWebhook(String userId, ObjectNode message) {
        String webhookEventId = LineIds.webhookEventId();
        String replyToken = messagingApi.issueReplyToken(userId);
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("destination", config.destination());
        ObjectNode event = body.putArray("events").addObject();
        event.put("type", "message");
        event.set("message", message);
        event.put("webhookEventId", webhookEventId);
        event.putObject("deliveryContext").put("isRedelivery", false);
        event.put("timestamp", System.currentTimeMillis());
        event.putObject("source").put("type", "user").put("userId", userId);
        event.put("replyToken", replyToken);
        event.put("mode", "active");
        try {
            return new Webhook(userId, webhookEventId, replyToken, Json.MAPPER.writeValueAsBytes(body),
                    LineIds.traceparent());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a webhook body", e);
        }
    }

    /**
     * Signs and posts a webhook built by {@link #textMessage} or {@link #stickerMessage}; returns the bot's HTTP
     * status. The message shows in the chat's events, marked undelivered when the bot refused it or could not
     * be reached.
     */
    public int deliver(Webhook webhook) {
        ChatEvent said = publishCustomerMessage(webhook);
        int status;
        try {
            status = post(webhook.body(), sign(webhook.body()), webhook.traceparent());
        } catch (RuntimeException e) {
            if (said != null) {
                events.publish(id -> ChatEvent.undelivered(id, webhook.userId(), said.id(), null,
                        "The bot's webhook could not be reached at " + webhookUrl));
            }
            throw e;
        }
        if (status != 200 && said != null) {
            events.publish(id -> ChatEvent.undelivered(id, webhook.userId(), said.id(), status,
                    new WebhookRejectedException(status).getMessage()));
        }
        // One line per message would be most of the simulator's own work under load; a refusal is worth reading.
        LOG.log(status == 200 ? Level.FINE : Level.INFO,
                () -> "Webhook event " + webhook.webhookEventId() + " from " + webhook.userId() + ": HTTP " + status);
        return status;
    }

    /** The message of a webhook as a customer event, published before the bot can answer it. */
    private ChatEvent publishCustomerMessage(Webhook webhook) {
        JsonNode message;
        try {
            message = Json.MAPPER.readTree(webhook.body()).path("events").path(0).path("message");
        } catch (IOException e) {
            return null;
        }
        String type = Json.text(message, "type");
        if (type == null) {
            return null;
        }
        List<String> texts = List.of(type.equals("text") ? message.path("text").asText() : "[" + type + "]");
        ChatEvent.Sticker sticker = type.equals("sticker")
                ? new ChatEvent.Sticker(Json.text(message, "packageId"), Json.text(message, "stickerId")) : null;
        return events.publish(id -> ChatEvent.customer(id, webhook.userId(), texts, sticker, webhook.traceparent()));
    }

    /**
     * Sends a text message from {@code userId} and waits up to {@code wait} for the bot's answer: the messages
     * it sends to that user from now on, until the chat has been quiet for a second.
     *
     * @throws WebhookRejectedException when the bot does not answer the webhook with 200
     */
    public List<BotMessage> say(String userId, String text, Duration wait) {
        return say(textMessage(userId, text), wait);
    }

    /**
     * Delivers {@code webhook} (built by {@link #textMessage} or {@link #stickerMessage}) and waits up to
     * {@code wait} for the bot's answer, as {@link #say(String, String, Duration)} does.
     */
    public List<BotMessage> say(Webhook webhook, Duration wait) {
        String userId = webhook.userId();
        int known = chatLog.size(userId);
        int status = deliver(webhook);
        if (status != 200) {
            throw new WebhookRejectedException(status);
        }
        if (wait.isZero()) {
            return List.of();
        }
        try {
            return chatLog.awaitNewMessages(userId, known, wait, ANSWER_SETTLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** Posts any body with a correct signature; returns the bot's HTTP status. */
    public int postSigned(byte[] body) {
        return post(body, sign(body));
    }

    /** Posts any body with the given {@code X-Line-Signature} ({@code null}: no header); returns the HTTP status. */
    public int post(byte[] body, String signature) {
        return post(body, signature, null);
    }

    /**
     * Posts any body with the given {@code X-Line-Signature} and {@code traceparent} ({@code null}: no such
     * header); returns the HTTP status.
     */
    public int post(byte[] body, String signature, String traceparent) {
        URI target = webhookUrl;
        if (target == null) {
            throw new IllegalStateException("No webhook URL configured");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "LineBotWebhook/2.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(WebhookSigner.SIGNATURE_HEADER, signature);
        }
        if (traceparent != null) {
            request.header(MessagingApi.TRACEPARENT_HEADER, traceparent);
        }
        try {
            return httpClient.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot post to the webhook " + target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while posting a webhook", e);
        }
    }

    /** The {@code X-Line-Signature} LINE would send for {@code body}. */
    public String sign(byte[] body) {
        return WebhookSigner.sign(config.channelSecret(), body);
    }

    /** A fresh single-use reply token for {@code chatId}, as if a webhook event had carried it. */
    public String issueReplyToken(String chatId) {
        return messagingApi.issueReplyToken(chatId);
    }

    /** Everything the bot sent to {@code chatId}, oldest first. */
    public List<BotMessage> chat(String chatId) {
        return chatLog.chat(chatId);
    }

    /** Waits up to {@code timeout} until the bot has sent {@code atLeast} messages to {@code chatId}; returns the chat. */
    public List<BotMessage> awaitMessages(String chatId, int atLeast, Duration timeout) {
        try {
            return chatLog.awaitSize(chatId, atLeast, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return chatLog.chat(chatId);
        }
    }

    /**
     * Makes the next {@code count} reply or push requests to {@code chatId} fail with {@code failure} instead of
     * being accepted, e.g. {@code failNext(user, 2, new ScriptedFailure(429, 1))} for two rate-limit answers.
     */
    public void failNext(String chatId, int count, ScriptedFailure failure) {
        chatLog.queueFailures(chatId, count, failure);
    }

    /** Every reply and push request made for {@code chatId}, with the status it got, oldest first. */
    public List<ApiCall> calls(String chatId) {
        return chatLog.calls(chatId);
    }

    /**
     * What happened in {@code chatId} as the web page shows it, oldest first: customer messages, the bot's
     * messages, loading animations and undelivered webhooks (the last {@value ChatEvents#HISTORY_LIMIT} events
     * of all chats are kept).
     */
    public List<ChatEvent> events(String chatId) {
        return events.chat(chatId);
    }

    /** How many web pages are listening to the event stream now. */
    int openEventStreams() {
        return events.listenerCount();
    }

    /** Where webhooks go now. */
    public URI webhookUrl() {
        return webhookUrl;
    }

    /** How long each Messaging API call takes to be answered now. */
    public Duration apiDelay() {
        return messagingApi.apiDelay();
    }

    /**
     * Makes every Messaging API call received from now on wait {@code delay} before it is handled and answered (on a
     * timer, no thread waits), and starts counting {@link #peakApiCallsInFlight()} and {@link #apiConnectionsUsed()}
     * again.
     */
    public void apiDelay(Duration delay) {
        messagingApi.apiDelay(delay);
        LOG.info(() -> "Messaging API delay: " + delay.toMillis() + " ms");
    }

    /** Messaging API calls received and not yet answered. */
    public int apiCallsInFlight() {
        return messagingApi.callsInFlight();
    }

    /** The most Messaging API calls in flight at one time since the simulator started or the delay was last set. */
    public int peakApiCallsInFlight() {
        return messagingApi.peakCallsInFlight();
    }

    /**
     * How many TCP connections the Messaging API calls came over since the simulator started or the delay was last set
     * (each connection is one client address and port): a client that keeps its connections alive uses few.
     */
    public int apiConnectionsUsed() {
        return messagingApi.connectionsUsed();
    }

    /** How often the bot started the loading animation in {@code chatId}. */
    public int loadingAnimationsStarted(String chatId) {
        return chatLog.loadingStarts(chatId);
    }

    /** How often the bot asked for {@code userId}'s profile, whether the simulator knows the user or not. */
    public int profileLookups(String userId) {
        return chatLog.profileLookups(userId);
    }

    @Override
    public void close() {
        server.stop(0);
        apiTimer.shutdownNow();
        executor.shutdownNow();
    }
}
