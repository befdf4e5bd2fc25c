package io.casedesk.schema;

import java.util.Locale;
import java.util.Objects;

/**
 * Conversation ids, the Kafka key of every topic (DESIGN §2). One customer's messages on one channel
 * share a conversation id, so they stay in order on one partition.
 * <ul>
 *   <li>LINE: {@code line:<destination>:<userId|groupId|roomId>}</li>
 *   <li>Email: {@code email:<mailbox>:<customer address>}, addresses lower-cased</li>
 * </ul>
 */
public final class ConversationIds {

    /**
     * The key of the global switch on {@code cs.conversation-state.v1}: {@code HUMAN} under it pauses the bot in
     * every conversation, {@code BOT} resumes it.
     */
    public static final String ALL_CONVERSATIONS = "*";

    public static String line(String destination, String chatId) {
        return "line:" + linePart(destination, "destination") + ":" + linePart(chatId, "chatId");
    }

    public static String email(String mailbox, String customerAddress) {
        return "email:" + part(mailbox, "mailbox").toLowerCase(Locale.ROOT) + ":"
                + part(customerAddress, "customerAddress").toLowerCase(Locale.ROOT);
    }

    /** The channel a conversation id belongs to. */
    public static Channel channelOf(String conversationId) {
        Objects.requireNonNull(conversationId, "conversationId");
        if (conversationId.startsWith("line:")) {
            return Channel.LINE;
        }
        if (conversationId.startsWith("email:")) {
            return Channel.EMAIL;
        }
        return Channel.UNKNOWN;
    }

    private static String part(String value, String what) {
        Objects.requireNonNull(value, what);
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        return trimmed;
    }

    /** LINE ids are opaque tokens without ':'; one with a ':' would make the id ambiguous. */
    private static String linePart(String value, String what) {
        String trimmed = part(value, what);
        if (trimmed.contains(":")) {
            throw new IllegalArgumentException(what + " must not contain ':'");
        }
        return trimmed;
    }

    private ConversationIds() {
    }
}
