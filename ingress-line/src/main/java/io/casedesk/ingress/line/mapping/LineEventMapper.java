package io.casedesk.ingress.line.mapping;

import com.linecorp.bot.webhook.model.AudioMessageContent;
import com.linecorp.bot.webhook.model.Event;
import com.linecorp.bot.webhook.model.EventMode;
import com.linecorp.bot.webhook.model.FileMessageContent;
import com.linecorp.bot.webhook.model.FollowEvent;
import com.linecorp.bot.webhook.model.GroupSource;
import com.linecorp.bot.webhook.model.ImageMessageContent;
import com.linecorp.bot.webhook.model.JoinEvent;
import com.linecorp.bot.webhook.model.LeaveEvent;
import com.linecorp.bot.webhook.model.LocationMessageContent;
import com.linecorp.bot.webhook.model.MemberJoinedEvent;
import com.linecorp.bot.webhook.model.MemberLeftEvent;
import com.linecorp.bot.webhook.model.Mention;
import com.linecorp.bot.webhook.model.MessageContent;
import com.linecorp.bot.webhook.model.MessageEvent;
import com.linecorp.bot.webhook.model.PostbackEvent;
import com.linecorp.bot.webhook.model.ReplyEvent;
import com.linecorp.bot.webhook.model.RoomSource;
import com.linecorp.bot.webhook.model.Source;
import com.linecorp.bot.webhook.model.StickerMessageContent;
import com.linecorp.bot.webhook.model.TextMessageContent;
import com.linecorp.bot.webhook.model.UnfollowEvent;
import com.linecorp.bot.webhook.model.UnknownEvent;
import com.linecorp.bot.webhook.model.UnsendEvent;
import com.linecorp.bot.webhook.model.UserMentionee;
import com.linecorp.bot.webhook.model.UserSource;
import com.linecorp.bot.webhook.model.VideoMessageContent;
import io.casedesk.ingress.line.mapping.MappingResult.Ignored;
import io.casedesk.ingress.line.mapping.MappingResult.Mapped;
import io.casedesk.ingress.line.mapping.ReceivedWebhook.ReceivedEvent;
import io.casedesk.schema.Attachment;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.LineSource;
import io.casedesk.schema.MessageKind;
import jakarta.inject.Singleton;

import java.net.URLConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Turns one LINE webhook event into a normalized {@link InboundMessage}, or says why it is ignored. */
@Singleton
public class LineEventMapper {

    private final Clock clock;

    public LineEventMapper() {
        this(Clock.systemUTC());
    }

    LineEventMapper(Clock clock) {
        this.clock = clock;
    }

    public MappingResult map(String destination, ReceivedEvent received) {
        Event event = received.event();
        if (event instanceof UnknownEvent) {
            return new Ignored(received.type(), "unknown_event");
        }
        Chat chat = Chat.of(event.source());
        if (chat == null) {
            return new Ignored(received.type(), "unknown_source");
        }
        Draft draft = new Draft(destination, received, chat);
        if (event instanceof MessageEvent message) {
            return mapMessage(draft, message.message());
        }
        if (event instanceof PostbackEvent postback) {
            return draft.withText(MessageKind.POSTBACK, postback.postback() == null ? null : postback.postback().data());
        }
        if (event instanceof FollowEvent) {
            return draft.withoutContent(MessageKind.FOLLOW);
        }
        if (event instanceof UnfollowEvent) {
            return draft.withoutContent(MessageKind.UNFOLLOW);
        }
        if (event instanceof UnsendEvent unsend) {
            return draft.unsend(unsend.unsend() == null ? null : unsend.unsend().messageId());
        }
        if (event instanceof JoinEvent) {
            return draft.withoutContent(MessageKind.JOIN);
        }
        if (event instanceof LeaveEvent) {
            return draft.withoutContent(MessageKind.LEAVE);
        }
        if (event instanceof MemberJoinedEvent joined) {
            return draft.membership(MessageKind.MEMBER_JOINED, joined.joined() == null ? null : joined.joined().members());
        }
        if (event instanceof MemberLeftEvent left) {
            return draft.membership(MessageKind.MEMBER_LEFT, left.left() == null ? null : left.left().members());
        }
        // Beacons, account links, video views, membership and module events are no customer message.
        return new Ignored(received.type(), "not_a_customer_message");
    }

    private MappingResult mapMessage(Draft draft, MessageContent content) {
        if (content instanceof TextMessageContent text) {
            return draft.message(MessageKind.TEXT, text.id(), text.text(), mentionsBot(draft, text.mention()));
        }
        if (content instanceof StickerMessageContent sticker) {
            // Message stickers carry text the customer typed; plain stickers have none.
            return draft.message(MessageKind.STICKER, sticker.id(), sticker.text(), false);
        }
        if (content instanceof ImageMessageContent image) {
            return draft.attachment(MessageKind.IMAGE, new Attachment(image.id(), "image", null, null, null));
        }
        if (content instanceof VideoMessageContent video) {
            return draft.attachment(MessageKind.VIDEO, new Attachment(video.id(), "video", null, null, null));
        }
        if (content instanceof AudioMessageContent audio) {
            return draft.attachment(MessageKind.AUDIO, new Attachment(audio.id(), "audio", null, null, null));
        }
        if (content instanceof FileMessageContent file) {
            return draft.attachment(MessageKind.FILE, new Attachment(file.id(), "file", file.fileName(),
                    file.fileName() == null ? null : URLConnection.guessContentTypeFromName(file.fileName()),
                    file.fileSize() == null ? null : file.fileSize().longValue()));
        }
        if (content instanceof LocationMessageContent location) {
            return draft.message(MessageKind.LOCATION, location.id(), describe(location), false);
        }
        return new Ignored(draft.received.type(), "unknown_message_type");
    }

    /** In a group or room: whether the bot itself was mentioned ({@code @All} does not count). */
    private static boolean mentionsBot(Draft draft, Mention mention) {
        if (draft.chat.type().equals("user") || mention == null || mention.mentionees() == null) {
            return false;
        }
        return mention.mentionees().stream()
                .filter(UserMentionee.class::isInstance)
                .map(UserMentionee.class::cast)
                .anyMatch(m -> Boolean.TRUE.equals(m.isSelf()) || draft.destination.equals(m.userId()));
    }

    private static String describe(LocationMessageContent location) {
        String coordinates = location.latitude() == null || location.longitude() == null ? null
                : location.latitude() + "," + location.longitude();
        return Stream.of(location.title(), location.address(), coordinates)
                .filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
    }

    /**
     * The chat an event belongs to.
     *
     * @param type {@code user}, {@code group} or {@code room}
     * @param id   the user, group or room id: the last part of the conversation id
     */
    private record Chat(String type, String id, String userId) {

        /** {@code null} when the source is unknown or has no usable id. */
        static Chat of(Source source) {
            Chat chat = null;
            if (source instanceof UserSource user) {
                chat = new Chat("user", user.userId(), user.userId());
            } else if (source instanceof GroupSource group) {
                chat = new Chat("group", group.groupId(), group.userId());
            } else if (source instanceof RoomSource room) {
                chat = new Chat("room", room.roomId(), room.userId());
            }
            return chat == null || chat.id() == null || chat.id().isBlank() || chat.id().contains(":") ? null : chat;
        }
    }

    /** The facts every mapped event shares, and the ways to finish it. */
    private final class Draft {
        private final String destination;
        private final ReceivedEvent received;
        private final Chat chat;

        Draft(String destination, ReceivedEvent received, Chat chat) {
            this.destination = destination;
            this.received = received;
            this.chat = chat;
        }

        Mapped withoutContent(MessageKind kind) {
            return build(kind, chat.userId(), null, null, List.of(), false);
        }

        Mapped withText(MessageKind kind, String text) {
            return build(kind, chat.userId(), null, text, List.of(), false);
        }

        Mapped message(MessageKind kind, String messageId, String text, boolean mentionedBot) {
            return build(kind, chat.userId(), messageId, text, List.of(), mentionedBot);
        }

        Mapped attachment(MessageKind kind, Attachment attachment) {
            return build(kind, chat.userId(), attachment.id(), null, List.of(attachment), false);
        }

        /** The customer took back an earlier message; {@code messageId} names it. */
        Mapped unsend(String messageId) {
            return build(MessageKind.UNSEND, chat.userId(), messageId, null, List.of(), false);
        }

        /** Member events name the members who joined or left; with exactly one, that member is the sender. */
        Mapped membership(MessageKind kind, List<UserSource> members) {
            String member = members != null && members.size() == 1 ? members.get(0).userId() : null;
            return build(kind, member, null, null, List.of(), false);
        }

        private Mapped build(MessageKind kind, String senderId, String messageId, String text,
                List<Attachment> attachments, boolean mentionedBot) {
            Event event = received.event();
            Instant receivedAt = clock.instant();
            Instant occurredAt = event.timestamp() == null ? receivedAt : Instant.ofEpochMilli(event.timestamp());
            String replyToken = event instanceof ReplyEvent reply ? reply.replyToken() : null;
            LineSource line = new LineSource(destination, chat.type(), chat.userId(),
                    chat.type().equals("group") ? chat.id() : null,
                    chat.type().equals("room") ? chat.id() : null,
                    event.webhookEventId(), messageId, replyToken,
                    // LINE issues the token with the webhook; the event time is the conservative estimate.
                    replyToken == null ? null : occurredAt,
                    mentionedBot,
                    event.mode() == EventMode.STANDBY,
                    event.deliveryContext() != null && Boolean.TRUE.equals(event.deliveryContext().isRedelivery()));
            InboundMessage message = new InboundMessage(Channel.LINE, kind, senderId, null, null, text, attachments,
                    receivedAt, line, null);
            return new Mapped(EventIds.lineInbound(received.idempotencyKey()),
                    ConversationIds.line(destination, chat.id()), occurredAt, message);
        }
    }
}
