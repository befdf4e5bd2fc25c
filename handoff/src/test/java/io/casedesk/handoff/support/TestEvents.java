package io.casedesk.handoff.support;

import io.casedesk.schema.Attachment;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.EmailSource;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Intent;
import io.casedesk.schema.LineSource;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.Triage;
import io.casedesk.schema.TriagedMessage;
import io.casedesk.schema.TurnKind;
import io.casedesk.schema.Urgency;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events as ingress and the responder would publish them, each with fresh channel ids. */
public final class TestEvents {

    public static final String BOT = "Ubot0000000000000000000000000000";
    public static final String MAILBOX = "support@casedesk.local";

    /** A fresh LINE user id, optionally with a prefix the case-service stand-in reads. */
    public static String newLineUser(String prefix) {
        String random = UUID.randomUUID().toString().replace("-", "");
        return (prefix + random).substring(0, 33);
    }

    public static String lineConversation(String userId) {
        return ConversationIds.line(BOT, userId);
    }

    /** A customer's LINE message. */
    public static Envelope<InboundMessage> lineInbound(String userId, String text, Instant at) {
        String webhookEventId = UUID.randomUUID().toString();
        LineSource line = new LineSource(BOT, "user", userId, null, null, webhookEventId,
                String.valueOf(Math.abs(webhookEventId.hashCode())), "reply-token-" + webhookEventId, at, false, false, false);
        InboundMessage inbound = new InboundMessage(Channel.LINE, MessageKind.TEXT, userId, null, "zh-TW", text, List.of(),
                at, line, null);
        return Envelope.of(EventIds.lineInbound(webhookEventId), at, lineConversation(userId), null,
                TraceContext.newTrace().traceparent(), inbound);
    }

    /** A customer's LINE image: the message carries the file's metadata only, its id the LINE message id. */
    public static Envelope<InboundMessage> lineImage(String userId, Instant at) {
        Envelope<InboundMessage> text = lineInbound(userId, null, at);
        InboundMessage message = text.payload();
        String messageId = message.line().messageId();
        InboundMessage image = new InboundMessage(Channel.LINE, MessageKind.IMAGE, userId, null, "zh-TW", null,
                List.of(new Attachment(messageId, "image", null, null, null)), at, message.line(), null);
        return Envelope.of(text.eventId(), at, text.conversationId(), null, text.traceparent(), image);
    }

    /** A customer's email. */
    public static Envelope<InboundMessage> emailInbound(String from, String subject, String text, Instant at) {
        String messageId = "<" + UUID.randomUUID() + "@example.com>";
        EmailSource email = new EmailSource(MAILBOX, from, "張志明", null, subject, messageId, null, List.of("<first@example.com>"));
        InboundMessage inbound = new InboundMessage(Channel.EMAIL, MessageKind.TEXT, from, "張志明", null, text, List.of(),
                at, null, email);
        return Envelope.of(EventIds.emailInbound(MAILBOX, messageId), at, ConversationIds.email(MAILBOX, from), null, null,
                inbound);
    }

    /** The responder's handoff of {@code inbound}, with these labels. */
    public static Envelope<HandoffRequest> handoff(Envelope<InboundMessage> inbound, String reason, Intent intent,
                                                   Emotion emotion, Urgency urgency, String language, String draftText) {
        Triage triage = new Triage(intent, emotion, urgency, true, language, Map.of("intent", 0.8), "local-rules",
                List.of("needs_human:test"));
        HandoffRequest request = new HandoffRequest(reason, new TriagedMessage(inbound.payload(), triage), null, draftText);
        return Envelope.of(EventIds.derive(inbound.eventId(), "handoff"), inbound.occurredAt(), inbound.conversationId(),
                EventIds.derive(inbound.eventId(), "triage"), inbound.traceparent(), request);
    }

    /** A plain request for a person, in Traditional Chinese. */
    public static Envelope<HandoffRequest> handoff(Envelope<InboundMessage> inbound) {
        return handoff(inbound, "needs_human", Intent.HUMAN_REQUEST, Emotion.NEUTRAL, Urgency.LOW, "zh-Hant", null);
    }

    /** A turn of the audit log, as ingress or the responder record it. */
    public static Envelope<ConversationTurn> turn(String conversationId, TurnKind kind, String actor, String text,
                                                  Instant at) {
        return turn(conversationId, kind, actor, text, null, at);
    }

    /** A turn with its detail: for the bot's answers, the answer's kind ({@code auto}, {@code system}). */
    public static Envelope<ConversationTurn> turn(String conversationId, TurnKind kind, String actor, String text,
                                                  String detail, Instant at) {
        ConversationTurn turn = new ConversationTurn(kind, Channel.LINE, null, null, actor, text, null, detail);
        return Envelope.of(UUID.randomUUID().toString(), at, conversationId, null, null, turn);
    }

    private TestEvents() {
    }
}
