package io.casedesk.launcher;

import io.casedesk.schema.AnswerKind;
import io.casedesk.schema.Channel;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Intent;
import io.casedesk.schema.LineSource;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.OutboundLineMessage;
import io.casedesk.schema.Topics;
import io.casedesk.schema.Triage;
import io.casedesk.schema.TriagedMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Events as the classifier and the responder publish them, for the replay tests. */
final class ReplayEvents {

    static final String BOT = "Ucasedesk0000000000000000000000000";

    /** A LINE user no case-service knows, so a responder answers from the knowledge base only. */
    static String strangerConversation() {
        String user = "U" + UUID.randomUUID().toString().replace("-", "");
        return "line:" + BOT + ":" + user;
    }

    static Envelope<TriagedMessage> triaged(String conversationId, Intent intent, boolean needsHuman, Instant at) {
        String user = conversationId.substring(conversationId.lastIndexOf(':') + 1);
        String webhookEventId = UUID.randomUUID().toString();
        LineSource line = new LineSource(BOT, "user", user, null, null, webhookEventId, "m-" + webhookEventId,
                "reply-" + webhookEventId, at, false, false, false);
        InboundMessage inbound = new InboundMessage(Channel.LINE, MessageKind.TEXT, user, null, "zh-Hant",
                needsHuman ? "我要找真人律師" : "請問你們的營業時間？", List.of(), at, line, null);
        Triage triage = new Triage(intent, Emotion.NEUTRAL, io.casedesk.schema.Urgency.LOW, needsHuman, "zh-Hant",
                Map.of("intent", 0.9), "local", List.of());
        String inboundId = EventIds.lineInbound(webhookEventId);
        return new Envelope<>(EventIds.derive(inboundId, "triage"), "triaged.message", 1, at, conversationId, inboundId,
                null, false, new TriagedMessage(inbound, triage));
    }

    /** The responder's answer to {@code triaged}, with its derived id. */
    static Envelope<OutboundLineMessage> answer(Envelope<TriagedMessage> triaged, String text, boolean replay) {
        LineSource line = triaged.payload().inbound().line();
        Envelope<OutboundLineMessage> answer = triaged.follow("answer", triaged.occurredAt().plusSeconds(1),
                new OutboundLineMessage(BOT, line.userId(), line.replyToken(), line.replyTokenIssuedAt(),
                        triaged.causationId(), line.messageId(), List.of(text.split("\n")), AnswerKind.AUTO));
        return replay ? new Envelope<>(answer.eventId(), answer.type(), answer.schemaVersion(), answer.occurredAt(),
                answer.conversationId(), answer.causationId(), answer.traceparent(), true, answer.payload()) : answer;
    }

    static Envelope<HandoffRequest> handoff(Envelope<TriagedMessage> triaged, String reason, String draft) {
        return triaged.follow("handoff", triaged.occurredAt().plusSeconds(1),
                new HandoffRequest(reason, triaged.payload(), null, draft));
    }

    /** The triaged event as the replay tool selects it from the broker. */
    static SelectedRecord selected(Envelope<? extends EventPayload> envelope, long offset) {
        @SuppressWarnings("unchecked")
        Envelope<EventPayload> any = (Envelope<EventPayload>) envelope;
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.TRIAGED, 0, offset,
                envelope.occurredAt().toEpochMilli(), TimestampType.CREATE_TIME, 0, 0, envelope.conversationId(),
                io.casedesk.schema.EventCodec.shared().encodeToBytes(any), new RecordHeaders(), Optional.empty());
        return ReplayCommand.decode(record);
    }

    private ReplayEvents() {
    }
}
