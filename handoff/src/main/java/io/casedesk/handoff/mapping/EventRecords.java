package io.casedesk.handoff.mapping;

import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Events as Kafka records: the envelope's JSON as value, its conversation id as key (DESIGN §2). */
public final class EventRecords {

    public static Message<String> toRecord(Envelope<?> envelope) {
        return Message.of(EventCodec.shared().encode(envelope))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(envelope.conversationId()).build());
    }

    private EventRecords() {
    }
}
