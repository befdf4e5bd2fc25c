package io.casedesk.handoff.mapping;

import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.TraceContext;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;

/**
 * Events as Kafka records: the envelope's JSON as value, its conversation id as key (DESIGN §2), and a
 * {@code traceparent} header that continues the envelope's trace (a new trace when the envelope has none).
 */
public final class EventRecords {

    public static Message<String> toRecord(Envelope<?> envelope) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(TraceContext.HEADER,
                TraceContext.childOf(envelope.traceparent()).traceparent().getBytes(StandardCharsets.US_ASCII));
        return Message.of(EventCodec.shared().encode(envelope))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(envelope.conversationId())
                        .withHeaders(headers).build());
    }

    private EventRecords() {
    }
}
