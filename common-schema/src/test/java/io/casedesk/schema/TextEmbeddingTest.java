package io.casedesk.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextEmbeddingTest {

    private static final float[] VECTOR = {0.25f, -0.5f, 0.125f, 1e-7f};

    @Test
    void theVectorIsGivenOnlyForTheSameModelAndTheSameText() {
        TextEmbedding embedding = TextEmbedding.of(TextEmbedding.BGE_SMALL_ZH_V15_Q, "請問你們的營業時間？", VECTOR);

        assertThat(embedding.vectorFor(TextEmbedding.BGE_SMALL_ZH_V15_Q, "請問你們的營業時間？")).hasValue(VECTOR);
        assertThat(embedding.vectorFor(TextEmbedding.BGE_SMALL_ZH_V15_Q, "請問你們的營業時間")).isEmpty();
        assertThat(embedding.vectorFor("all-minilm-l6-v2/mean", "請問你們的營業時間？")).isEmpty();
    }

    @Test
    void itTravelsOnATriagedMessageWithoutTheText() {
        TextEmbedding embedding = TextEmbedding.of(TextEmbedding.BGE_SMALL_ZH_V15_Q, "What are your office hours?", VECTOR);
        Envelope<EventPayload> original = EventSamples.envelope(EventType.TRIAGED_MESSAGE,
                new TriagedMessage(EventSamples.lineInbound(), EventSamples.triage(), embedding));

        String record = EventCodec.shared().encode(original);
        TriagedMessage decoded = EventCodec.shared().decode(record).as(TriagedMessage.class).payload();

        assertThat(record).doesNotContain("What are your office hours?");
        assertThat(decoded.embedding().vectorFor(TextEmbedding.BGE_SMALL_ZH_V15_Q, "What are your office hours?"))
                .hasValue(VECTOR);
        assertThat(decoded.withoutEmbedding().embedding()).isNull();
        assertThat(decoded.withoutEmbedding().inbound()).isEqualTo(decoded.inbound());
    }
}
