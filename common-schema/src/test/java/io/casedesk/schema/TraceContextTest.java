package io.casedesk.schema;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceContextTest {

    /** The example of the W3C Trace Context recommendation. */
    private static final String EXAMPLE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aValidTraceparentIsReadIntoItsParts() {
        TraceContext context = TraceContext.parse(EXAMPLE).orElseThrow();

        assertThat(context.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(context.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(context.flags()).isEqualTo("01");
        assertThat(context.sampled()).isTrue();
        assertThat(context.traceparent()).isEqualTo(EXAMPLE);
        assertThat(TraceContext.traceIdOf(EXAMPLE)).contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceContext.parse(" " + EXAMPLE + " ")).contains(context);
    }

    @Test
    void invalidValuesAreRejected() {
        assertThat(TraceContext.parse(null)).isEmpty();
        assertThat(TraceContext.parse("")).isEmpty();
        assertThat(TraceContext.parse("hello")).isEmpty();
        // Upper-case hex, zero ids, version ff, wrong separators, wrong lengths.
        assertThat(TraceContext.isValid(EXAMPLE.toUpperCase())).isFalse();
        assertThat(TraceContext.isValid("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceContext.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isFalse();
        assertThat(TraceContext.isValid("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceContext.isValid("00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceContext.isValid(EXAMPLE + "-extra")).isFalse();
        assertThat(TraceContext.isValid("00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceContext.isValid("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902bz-01")).isFalse();
        assertThatThrownBy(() -> new TraceContext("abc", "00f067aa0ba902b7", "01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("traceId");
    }

    @Test
    void aLaterVersionMayAppendFields() {
        assertThat(TraceContext.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-comes-next"))
                .map(TraceContext::traceId).contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceContext.isValid("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x")).isFalse();
    }

    @Test
    void aNewTraceIsValidSampledAndRandom() {
        Set<String> traceIds = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            TraceContext context = TraceContext.newTrace();
            assertThat(TraceContext.parse(context.traceparent())).contains(context);
            assertThat(context.sampled()).isTrue();
            traceIds.add(context.traceId());
        }
        assertThat(traceIds).hasSize(1000);
    }

    @Test
    void aChildKeepsTheTraceAndFlagsUnderANewSpan() {
        TraceContext parent = TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00").orElseThrow();

        TraceContext child = parent.child();

        assertThat(child.traceId()).isEqualTo(parent.traceId());
        assertThat(child.flags()).isEqualTo("00");
        assertThat(child.spanId()).isNotEqualTo(parent.spanId()).matches("[0-9a-f]{16}");
        assertThat(TraceContext.childOf(EXAMPLE).traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void withoutAValidParentAChildStartsANewTrace() {
        assertThat(TraceContext.isValid(TraceContext.childOf(null).traceparent())).isTrue();
        assertThat(TraceContext.isValid(TraceContext.childOf("garbage").traceparent())).isTrue();
        assertThat(TraceContext.childOf(null).traceId()).isNotEqualTo(TraceContext.childOf(null).traceId());
    }
}
