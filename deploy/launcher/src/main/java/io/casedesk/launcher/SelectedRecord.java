package io.casedesk.launcher;

import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventPayload;
import org.apache.kafka.common.header.Header;

import java.time.Instant;
import java.util.List;

/**
 * A recorded event chosen for replay, exactly as it lies on the broker.
 *
 * @param value    the record's bytes, re-published unchanged except for the envelope's {@code replay} mark
 * @param envelope the decoded envelope (its payload may be of a type this reader does not know)
 */
record SelectedRecord(String topic, int partition, long offset, Instant timestamp, String key, byte[] value,
                      List<Header> headers, Envelope<EventPayload> envelope) {

    String eventId() {
        return envelope.eventId();
    }

    String conversationId() {
        return envelope.conversationId();
    }

    String position() {
        return topic + "/" + partition + "/" + offset;
    }
}
