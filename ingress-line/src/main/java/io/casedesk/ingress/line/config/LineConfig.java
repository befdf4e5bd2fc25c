package io.casedesk.ingress.line.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The LINE channel this service speaks for. */
@ConfigMapping(prefix = "casedesk.line")
public interface LineConfig {

    /** Verifies {@code X-Line-Signature} on webhooks (env {@code LINE_CHANNEL_SECRET} in prod). */
    String channelSecret();

    /** Channel access token of the Messaging API (env {@code LINE_CHANNEL_TOKEN} in prod). */
    String channelToken();

    /** The Messaging API; the LINE simulator's address in development and tests. */
    @WithDefault("https://api.line.me")
    URI apiBaseUrl();

    /** LINE's content API ({@code api-data.line.me}), where the files customers sent are fetched. */
    @WithDefault("https://api-data.line.me")
    URI dataApiBaseUrl();

    /** The internal attachment endpoint handoff fetches customers' files from. */
    Attachments attachments();

    interface Attachments {
        /**
         * The SHA-256 (hex) of the key that may read files ({@code GET /internal/attachments/{messageId}}, scope
         * {@code attachments-read}); none configured, every request is refused.
         */
        Optional<String> keySha256();

        /** Files larger than this are not passed on (413); reading stops there. */
        @WithDefault("10M")
        MemorySize maxBytes();

        /** How long fetching one file from LINE may take. */
        @WithDefault("30s")
        Duration timeout();
    }

    /** A reply token older than this is not tried; the message is pushed instead. LINE's tokens expire. */
    @WithDefault("50s")
    Duration replyTokenTtl();

    /**
     * The name an agent's messages are shown under in the chat (LINE's {@code sender.name}, at most 20 characters),
     * so the customer sees a person has taken over; the bot's own messages keep the channel's name.
     */
    @WithDefault("客服專員 Agent")
    String agentSenderName();

    /** Webhook bodies larger than this are refused with 413. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** How many recent webhook event ids, and outbound event ids, are remembered to drop duplicates. */
    @WithDefault("100000")
    int idempotencyCapacity();

    /**
     * How far back the startup warm-up reads {@code cs.inbound.v1} and {@code cs.delivery.v1} for ids this
     * service already handled (LINE redelivers webhooks for a shorter time than this, and pushes' retry keys
     * live 24 hours).
     */
    @WithDefault("24h")
    Duration warmupWindow();

    /**
     * How many calls to the Messaging API may be in flight at once, and how many idle connections are kept for the next
     * ones. The SDK's HTTP client (OkHttp) allows only 5 per host by default: with LINE tens of milliseconds away that
     * caps sending at a few dozen messages a second, however many records the outbound consumer has in flight
     * ({@code casedesk.consumer.outbound-line.max-in-flight}); and it keeps 5 idle connections, so each burst beyond
     * five opened new ones.
     */
    @WithDefault("64")
    int maxConcurrentCalls();

    /** How long a webhook waits for the sender's profile before it is published without it. */
    @WithDefault("2s")
    Duration profileTimeout();

    /** How long a sender's profile is kept before it is fetched again (display names and languages change). */
    @WithDefault("24h")
    Duration profileTtl();

    /**
     * How long LINE's "no such profile" (404: the user has not added the bot as a friend) is kept, so that such a
     * user's every message does not ask again.
     */
    @WithDefault("1h")
    Duration missingProfileTtl();
}
