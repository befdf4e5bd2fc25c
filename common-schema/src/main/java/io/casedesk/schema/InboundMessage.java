package io.casedesk.schema;

import java.time.Instant;
import java.util.List;

/**
 * A customer's message as it arrived on a channel, normalized. Published to {@link Topics#INBOUND}.
 *
 * @param senderId     the channel identity of the writer: a LINE user id or an email address
 * @param senderName   display name from the channel profile, when known
 * @param languageHint language the channel reports for the writer (LINE profile), {@code null} if none
 * @param text         the readable text (for email: the new text, with quotes and signature removed)
 * @param line         set for LINE messages
 * @param email        set for email messages
 */
public record InboundMessage(
        Channel channel,
        MessageKind kind,
        String senderId,
        String senderName,
        String languageHint,
        String text,
        List<Attachment> attachments,
        Instant receivedAt,
        LineSource line,
        EmailSource email) implements EventPayload {

    public InboundMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** Whether a reply may be sent at all (a standby LINE event, or an unfollow, is recorded only). */
    public boolean answerable() {
        if (line != null && line.standby()) {
            return false;
        }
        return switch (kind) {
            case UNFOLLOW, UNSEND, LEAVE, MEMBER_LEFT, OTHER -> false;
            default -> true;
        };
    }
}
