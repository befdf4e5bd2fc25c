package io.casedesk.ingress.email.support;

import io.casedesk.schema.AnswerKind;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.OutboundEmailMessage;

import io.casedesk.infra.test.KafkaTestClient;
import io.casedesk.schema.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Outbound emails as the responder would publish them, each with fresh ids and a subject of its own. */
public final class TestEvents {

    public static final String MAILBOX = "help@firm.example";

    public static Envelope<OutboundEmailMessage> outbound(String customer) {
        return outbound(customer, false);
    }

    public static Envelope<OutboundEmailMessage> outbound(String customer, boolean replay) {
        String inboundId = EventIds.emailInbound(MAILBOX, "<" + UUID.randomUUID() + "@mail.example>");
        OutboundEmailMessage email = new OutboundEmailMessage(MAILBOX, customer,
                "RE: Re: Case question " + UUID.randomUUID(),
                "Dear Ms Lin,\nyour hearing is on 2026-12-01.",
                "<customer-2@mail.example>", List.of("<customer-1@mail.example>"),
                "When is my hearing?\nThanks", inboundId, AnswerKind.AUTO);
        Envelope<OutboundEmailMessage> envelope = Envelope.of(EventIds.derive(inboundId, "answer"), Instant.now(),
                ConversationIds.email(MAILBOX, customer), inboundId, null, email);
        return new Envelope<>(envelope.eventId(), envelope.type(), envelope.schemaVersion(), envelope.occurredAt(),
                envelope.conversationId(), envelope.causationId(), envelope.traceparent(), replay, envelope.payload());
    }

    /** The record of {@code topic} with this event id, waiting up to {@code timeout} for it. */
    public static ConsumerRecord<String, String> recordOf(KafkaTestClient kafka, String topic, String eventId,
            Duration timeout) {
        return kafka.readUntil(topic, read -> read.stream().anyMatch(r -> eventId.equals(eventId(r))), timeout)
                .stream().filter(r -> eventId.equals(eventId(r))).findFirst()
                .orElseThrow(() -> new AssertionError("No event " + eventId + " on " + topic));
    }

    public static String eventId(ConsumerRecord<String, String> record) {
        return EventCodec.shared().decode(record.value()).eventId();
    }

    private TestEvents() {
    }
}
