package io.casedesk.schema;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * OpenTelemetry spans for the hops of a customer message between services. The W3C context itself travels in
 * every envelope and in every Kafka record's {@code traceparent} header ({@link TraceContext}); these spans make
 * each hop visible in a tracing backend: a {@code CONSUMER} span while a service handles a record, a
 * {@code PRODUCER} span for each record it publishes, a {@code CLIENT} span for a call to a channel's API.
 * <p>
 * Parents are given as {@code traceparent} values, not taken from the thread's current context: records are
 * handled and published on threads other than the ones that received them. With a no-op tracer (no SDK, or
 * {@link #disabled()}) nothing is recorded and every hop still gets a valid child context
 * ({@link TraceContext#childOf}), so the trace id still follows the message. (Quarkus with
 * {@code quarkus.otel.sdk.disabled=true} still records spans, it exports none: hops then carry real span ids.)
 */
public final class TraceSpans {

    private final Tracer tracer;

    public TraceSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Spans that record nothing (tracing off); contexts are still propagated. */
    public static TraceSpans disabled() {
        return new TraceSpans(TracerProvider.noop().get("casedesk"));
    }

    /**
     * Starts the span of handling one record of {@code topic}: a child of the record's {@code traceparent} header
     * when it is valid (the producer's span), else of the envelope's. Blocking handlers use {@link #process}, which
     * makes it the thread's current span, so the HTTP calls they make join the trace.
     */
    public Started handle(String topic, String recordTraceparent, String envelopeTraceparent) {
        String parent = TraceContext.isValid(recordTraceparent) ? recordTraceparent : envelopeTraceparent;
        return start(topic + " process", SpanKind.CONSUMER, parent, envelopeTraceparent, topic);
    }

    /**
     * Processes {@code envelope}, a record of {@code topic}, inside its handling span ({@link #handle}), current on
     * this thread: {@code work} gets the envelope in the handling's context, so the events it causes continue it. A
     * runtime failure marks the span failed and is rethrown.
     */
    public <P extends EventPayload> void process(String topic, String recordTraceparent, Envelope<P> envelope,
            Consumer<Envelope<P>> work) {
        try (Started handling = handle(topic, recordTraceparent, envelope.traceparent()).current()) {
            try {
                work.accept(envelope.withTraceparent(handling.traceparent()));
            } catch (RuntimeException e) {
                handling.failed(e);
                throw e;
            }
        }
    }

    /**
     * The {@code traceparent} header of a record published to {@code topic} as part of the work whose context is
     * {@code parentTraceparent}: the context of a {@code PRODUCER} span, ended at once (the broker's acknowledgement
     * is awaited by the caller, not traced).
     */
    public String publish(String topic, String parentTraceparent) {
        try (Started started = start(topic + " publish", SpanKind.PRODUCER, parentTraceparent,
                null, topic)) {
            return started.traceparent();
        }
    }

    /**
     * The context of the thread's current span when it is recorded (for example the HTTP server span of a webhook
     * request, which continues the request's {@code traceparent} header), else a child of {@code traceparent}.
     */
    public static String currentOrChildOf(String traceparent) {
        Span current = Span.current();
        SpanContext context = current.getSpanContext();
        return current.isRecording() && context.isValid() ? traceparentOf(context)
                : TraceContext.childOf(traceparent).traceparent();
    }

    private static String traceparentOf(SpanContext context) {
        return new TraceContext(context.getTraceId(), context.getSpanId(), context.getTraceFlags().asHex())
                .traceparent();
    }

    /** Starts a {@code CLIENT} span for a call to an outside API (for example LINE's), child of the given context. */
    public Started call(String name, String parentTraceparent) {
        return start(name, SpanKind.CLIENT, parentTraceparent, null, null);
    }

    private Started start(String name, SpanKind kind, String parentTraceparent, String whenNotRecording,
            String topic) {
        var builder = tracer.spanBuilder(name).setSpanKind(kind).setParent(contextOf(parentTraceparent));
        if (topic != null) {
            builder.setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", topic);
        }
        Span span = builder.startSpan();
        String fallback = whenNotRecording != null ? whenNotRecording
                : TraceContext.childOf(parentTraceparent).traceparent();
        return new Started(span, fallback);
    }

    /** The context whose span is the remote parent {@code traceparent}, or the root (a new trace) when it is not valid. */
    private static Context contextOf(String traceparent) {
        return TraceContext.parse(traceparent)
                .map(parent -> Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(parent.traceId(),
                        parent.spanId(), TraceFlags.fromHex(parent.flags(), 0), TraceState.getDefault()))))
                .orElseGet(Context::root);
    }

    /** A started span; close it when the work is done (once). */
    public static final class Started implements AutoCloseable {

        private final Span span;
        private final String whenNotRecording;
        private Scope scope;

        private Started(Span span, String whenNotRecording) {
            this.span = span;
            this.whenNotRecording = whenNotRecording;
        }

        /**
         * The context to hand on (to the events this work produces, or a header of the call): the span's own when it
         * is recorded; otherwise a context that still continues the trace.
         */
        public String traceparent() {
            SpanContext context = span.getSpanContext();
            return span.isRecording() && context.isValid() ? traceparentOf(context) : whenNotRecording;
        }

        /** Marks the work failed; the exception's type, not its message (it may hold personal data), is recorded. */
        public void failed(Throwable failure) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            span.setStatus(StatusCode.ERROR, cause.getClass().getSimpleName());
        }

        /** Makes the span the current one of this thread until {@link #close()}, which must run on the same thread. */
        public Started current() {
            if (scope == null) {
                scope = span.makeCurrent();
            }
            return this;
        }

        @Override
        public void close() {
            if (scope != null) {
                scope.close();
                scope = null;
            }
            span.end();
        }
    }
}
