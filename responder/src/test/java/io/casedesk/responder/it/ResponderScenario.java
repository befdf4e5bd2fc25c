package io.casedesk.responder.it;

import io.casedesk.infra.test.KafkaTestClient;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
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
import io.casedesk.schema.Urgency;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A LINE customer talking to the responder through the real broker: triaged messages in, answers and handoffs out. */
final class ResponderScenario implements AutoCloseable {

    static final String BOT = "Ubot00000000000000000000000000it";
    /** The demo firm's C-1001 (張志明), verified through the bundle's lineUserId. */
    static final String CHANG = "Uf0d4b5d7bf148e3c5849974bb722897c";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final KafkaTestClient kafka = new KafkaTestClient();

    /** A LINE user id nobody has linked yet. */
    static String stranger() {
        return "U" + UUID.randomUUID().toString().replace("-", "");
    }

    Envelope<TriagedMessage> say(String userId, String text, Intent intent) {
        return say(userId, text, intent, false, "zh-Hant");
    }

    Envelope<TriagedMessage> say(String userId, String text, Intent intent, boolean needsHuman, String language) {
        return say(userId, text, intent, needsHuman, language, Urgency.LOW);
    }

    Envelope<TriagedMessage> say(String userId, String text, Intent intent, boolean needsHuman, String language,
                                 Urgency urgency) {
        String webhookEventId = "01IT" + UUID.randomUUID().toString().replace("-", "").substring(0, 22).toUpperCase();
        Instant now = Instant.now();
        InboundMessage inbound = new InboundMessage(Channel.LINE, MessageKind.TEXT, userId, null, null, text, List.of(), now,
                new LineSource(BOT, "user", userId, null, null, webhookEventId, "m-" + webhookEventId,
                        "token-" + webhookEventId, now, false, false, false), null);
        Envelope<InboundMessage> inboundEnvelope = Envelope.of(EventIds.lineInbound(webhookEventId), now,
                ConversationIds.line(BOT, userId), null, null, inbound);
        Triage triage = new Triage(intent, Emotion.NEUTRAL, urgency, needsHuman, language, Map.of("intent", 0.9),
                "it", List.of());
        Envelope<TriagedMessage> triaged = inboundEnvelope.follow("triage", now, new TriagedMessage(inbound, triage));
        kafka.send(Topics.TRIAGED, triaged.conversationId(), EventCodec.shared().encode(triaged));
        return triaged;
    }

    /** The one text the customer was sent in answer to {@code triaged}. */
    String answerTo(Envelope<TriagedMessage> triaged) {
        OutboundLineMessage message = (OutboundLineMessage) awaitEvent(Topics.OUTBOUND_LINE,
                EventIds.derive(triaged.eventId(), "answer")).payload();
        return String.join("\n", message.texts());
    }

    HandoffRequest handoffOf(Envelope<TriagedMessage> triaged) {
        return (HandoffRequest) awaitEvent(Topics.HANDOFF, EventIds.derive(triaged.eventId(), "handoff")).payload();
    }

    /** Whether a handoff for {@code triaged} was published; call only after its answer arrived (same partition). */
    boolean handedOff(Envelope<TriagedMessage> triaged) {
        String id = EventIds.derive(triaged.eventId(), "handoff");
        return kafka.readUntil(Topics.HANDOFF, read -> read.stream().anyMatch(r -> hasId(r, id)), Duration.ofSeconds(3))
                .stream().anyMatch(r -> hasId(r, id));
    }

    private Envelope<EventPayload> awaitEvent(String topic, String eventId) {
        List<ConsumerRecord<String, String>> records = kafka.readUntil(topic,
                read -> read.stream().anyMatch(r -> hasId(r, eventId)), TIMEOUT);
        Optional<Envelope<EventPayload>> event = records.stream().map(r -> EventCodec.shared().decode(r.value()))
                .filter(e -> eventId.equals(e.eventId())).findFirst();
        return event.orElseThrow(() -> new AssertionError("No event " + eventId + " on " + topic));
    }

    private static boolean hasId(ConsumerRecord<String, String> record, String eventId) {
        return record.value() != null && record.value().contains(eventId)
                && eventId.equals(EventCodec.shared().decode(record.value()).eventId());
    }

    @Override
    public void close() {
        kafka.close();
    }
}
