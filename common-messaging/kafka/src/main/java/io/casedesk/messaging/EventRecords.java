package io.casedesk.messaging;

import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.TraceContext;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;

/**
 * Events as Kafka records: the envelope's JSON as value, its conversation id as key (DESIGN §2), and a
 * {@code traceparent} header (the context of the record's publishing, see {@code TraceSpans#publish}).
 */
public final class EventRecords {

    public static Message<String> toRecord(Envelope<?> envelope, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        if (traceparent != null) {
            headers.add(TraceContext.HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
        }
        return Message.of(EventCodec.shared().encode(envelope))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(envelope.conversationId())
                        .withHeaders(headers).build());
    }

    /** The {@code traceparent} header of a received record; {@code null} without one (or without Kafka). */
    public static String traceparentOf(IncomingKafkaRecordMetadata<?, ?> metadata) {
        Header header = metadata == null ? null : metadata.getHeaders().lastHeader(TraceContext.HEADER);
        return header == null ? null : TraceContext.fromHeaderBytes(header.value());
    }

    private EventRecords() {
    }
}
