package io.casedesk.linesimulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * How the simulator is set up.
 *
 * @param port          HTTP port on 127.0.0.1, 0 for any free port
 * @param webhookUrl    where webhooks are posted (the bot's {@code /line/webhook}); may be set later
 * @param channelSecret signs webhooks, as LINE does with the channel secret
 * @param channelToken  the channel access token the bot must send as {@code Authorization: Bearer}
 * @param destination   the bot's user id, written into every webhook's {@code destination}
 * @param users         the users whose profile the simulator answers
 * @param botName       the name the web page shows for the bot (the firm's)
 * @param apiDelay      how long every Messaging API call takes to be answered (0: at once); the real API is tens of
 *                      milliseconds away, so a sender's concurrency shows only with a delay
 */
public record SimulatorConfig(int port, URI webhookUrl, String channelSecret, String channelToken, String destination,
        List<SimulatedUser> users, String botName, Duration apiDelay) {

    /** The development channel secret; ingress-line's {@code %dev} and {@code %test} profiles use the same. */
    public static final String DEV_CHANNEL_SECRET = "casedesk-dev-channel-secret";
    /** The development channel access token; ingress-line's {@code %dev} and {@code %test} profiles use the same. */
    public static final String DEV_CHANNEL_TOKEN = "casedesk-dev-channel-token";
    /** The bot's user id in development. */
    public static final String DEV_DESTINATION = "Ucafe0000000000000000000000000000";
    public static final int DEFAULT_PORT = 8090;
    public static final URI DEFAULT_WEBHOOK_URL = URI.create("http://localhost:8081/line/webhook");
    public static final String DEFAULT_BOT_NAME = "CaseDesk";

    public SimulatorConfig {
        Objects.requireNonNull(channelSecret, "channelSecret");
        Objects.requireNonNull(channelToken, "channelToken");
        Objects.requireNonNull(destination, "destination");
        users = users == null ? List.of() : List.copyOf(users);
        botName = botName == null || botName.isBlank() ? DEFAULT_BOT_NAME : botName;
        apiDelay = apiDelay == null ? Duration.ZERO : apiDelay;
        if (apiDelay.isNegative()) {
            throw new IllegalArgumentException("The API delay must not be negative");
        }
    }

    /** Settings whose Messaging API answers at once. */
    public SimulatorConfig(int port, URI webhookUrl, String channelSecret, String channelToken, String destination,
            List<SimulatedUser> users, String botName) {
        this(port, webhookUrl, channelSecret, channelToken, destination, users, botName, Duration.ZERO);
    }

    /** Development settings on any free port, with no users and no webhook URL yet: what tests start from. */
    public static SimulatorConfig forTests() {
        return new SimulatorConfig(0, null, DEV_CHANNEL_SECRET, DEV_CHANNEL_TOKEN, DEV_DESTINATION, List.of(),
                DEFAULT_BOT_NAME);
    }

    public SimulatorConfig withWebhookUrl(URI url) {
        return new SimulatorConfig(port, url, channelSecret, channelToken, destination, users, botName, apiDelay);
    }

    public SimulatorConfig withUsers(List<SimulatedUser> newUsers) {
        return new SimulatorConfig(port, webhookUrl, channelSecret, channelToken, destination, newUsers, botName, apiDelay);
    }

    public SimulatorConfig withBotName(String name) {
        return new SimulatorConfig(port, webhookUrl, channelSecret, channelToken, destination, users, name, apiDelay);
    }

    public SimulatorConfig withApiDelay(Duration delay) {
        return new SimulatorConfig(port, webhookUrl, channelSecret, channelToken, destination, users, botName, delay);
    }

    /**
     * Settings from system properties ({@code line.simulator.port}, ...) or, when a property is not set, the
     * environment ({@code LINE_SIMULATOR_PORT}, ...); see the module README for the list.
     */
    public static SimulatorConfig fromEnvironment(Properties properties, Map<String, String> environment) {
        Settings settings = new Settings(properties, environment);
        String usersBundle = settings.get("line.simulator.users-bundle", null);
        UsersBundle bundle = usersBundle == null ? new UsersBundle(null, List.of()) : UsersBundle.read(Path.of(usersBundle));
        return new SimulatorConfig(
                Integer.parseInt(settings.get("line.simulator.port", String.valueOf(DEFAULT_PORT))),
                URI.create(settings.get("line.simulator.webhook-url", DEFAULT_WEBHOOK_URL.toString())),
                settings.get("line.simulator.channel-secret", DEV_CHANNEL_SECRET),
                settings.get("line.simulator.channel-token", DEV_CHANNEL_TOKEN),
                settings.get("line.simulator.destination", DEV_DESTINATION),
                bundle.users(),
                settings.get("line.simulator.bot-name", bundle.firmName()),
                parseDelay(settings.get("line.simulator.api-delay", "0")));
    }

    /**
     * A delay as milliseconds ({@code 80}), with a unit ({@code 80ms}, {@code 1s}) or in ISO-8601 ({@code PT0.08S}).
     *
     * @throws IllegalArgumentException when it is none of these or negative
     */
    public static Duration parseDelay(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Duration delay;
        try {
            if (text.startsWith("pt")) {
                delay = Duration.parse(text);
            } else if (text.endsWith("ms")) {
                delay = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).trim()));
            } else if (text.endsWith("s")) {
                delay = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1).trim()));
            } else {
                delay = Duration.ofMillis(Long.parseLong(text));
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a delay: '" + value + "' (milliseconds, e.g. 80, 80ms or 1s)", e);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("A delay must not be negative: '" + value + "'");
        }
        return delay;
    }

    @Override
    public String toString() {
        // The secret and the token stay out of logs.
        return "SimulatorConfig[port=" + port + ", webhookUrl=" + webhookUrl + ", destination=" + destination
                + ", users=" + users.size() + ", apiDelay=" + apiDelay.toMillis() + "ms]";
    }

    private record Settings(Properties properties, Map<String, String> environment) {
        String get(String property, String defaultValue) {
            String value = properties.getProperty(property);
            if (value == null || value.isBlank()) {
                value = environment.get(property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
            }
            return value == null || value.isBlank() ? defaultValue : value;
        }
    }
}
