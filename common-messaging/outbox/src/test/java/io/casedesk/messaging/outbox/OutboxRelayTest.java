package io.casedesk.messaging.outbox;

import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.TraceSpans;
import io.casedesk.schema.TurnKind;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxRelayTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aRelayedEventsRecordContinuesTheTraceOfItsEnvelope() {
        TraceContext header = traceOf(OutboxRelay.traceHeaders(TraceSpans.disabled(), Topics.CONVERSATION, EventCodec.shared().encode(event(TRACEPARENT))));

        assertThat(header.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(header.spanId()).isNotEqualTo("00f067aa0ba902b7");
    }

    @Test
    void anEventWithoutTraceOrNotAnEnvelopeGetsANewTrace() {
        TraceContext untraced = traceOf(OutboxRelay.traceHeaders(TraceSpans.disabled(), Topics.CONVERSATION, EventCodec.shared().encode(event(null))));
        TraceContext garbage = traceOf(OutboxRelay.traceHeaders(TraceSpans.disabled(), Topics.CONVERSATION, "not an envelope"));

        assertThat(untraced.traceId()).isNotEqualTo(garbage.traceId());
    }

    private static Envelope<ConversationTurn> event(String traceparent) {
        return Envelope.of("e-1", Instant.parse("2026-11-21T08:00:00Z"), "email:support@casedesk.local:a@example.com",
                null, traceparent, new ConversationTurn(TurnKind.DELIVERY, Channel.EMAIL, "a@example.com", null,
                        "system", null, null, "sent"));
    }

    private static TraceContext traceOf(RecordHeaders headers) {
        return TraceContext.parse(new String(headers.lastHeader(TraceContext.HEADER).value(), StandardCharsets.US_ASCII))
                .orElseThrow();
    }
}
