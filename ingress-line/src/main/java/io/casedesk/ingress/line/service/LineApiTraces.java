package io.casedesk.ingress.line.service;

import com.linecorp.bot.client.base.http.HttpChain;
import com.linecorp.bot.client.base.http.HttpInterceptor;
import com.linecorp.bot.client.base.http.HttpRequest;
import com.linecorp.bot.client.base.http.HttpResponse;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.TraceSpans;
import io.opentelemetry.api.trace.Tracer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import retrofit2.Invocation;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Traces the calls to the LINE Messaging API: each is a client span ({@link TraceSpans#call}) whose context goes
 * in a {@code traceparent} header on the request. The SDK's client gives no way to
 * add a header per call, and its interceptors run on OkHttp's threads, not the caller's: so the caller registers
 * the request object it passes to the SDK with {@link #traced}, and the interceptor finds it among the arguments
 * of the call (Retrofit tags each request with its {@link Invocation}). Calls made without it carry no header.
 */
@Singleton
public class LineApiTraces implements HttpInterceptor {

    private final Map<Object, String> traceparentByRequest = Collections.synchronizedMap(new IdentityHashMap<>());
    private final TraceSpans spans;

    @Inject
    public LineApiTraces(Tracer tracer) {
        this.spans = new TraceSpans(tracer);
    }

    /** Without spans (tracing off); the header is still set. */
    public LineApiTraces() {
        this.spans = TraceSpans.disabled();
    }

    /**
     * Makes {@code call}, whose SDK request object is {@code request}, as the span {@code LINE <operation>} in the
     * trace of {@code parentTraceparent}; without a parent, untraced.
     */
    public <T> CompletionStage<T> traced(Object request, String operation, String parentTraceparent,
            Supplier<CompletionStage<T>> call) {
        if (parentTraceparent == null) {
            return call.get();
        }
        TraceSpans.Started span = spans.call("LINE " + operation, parentTraceparent);
        traceparentByRequest.put(request, span.traceparent());
        CompletionStage<T> result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            traceparentByRequest.remove(request);
            span.failed(e);
            span.close();
            throw e;
        }
        return result.whenComplete((value, failure) -> {
            traceparentByRequest.remove(request);
            if (failure != null) {
                span.failed(failure);
            }
            span.close();
        });
    }

    @Override
    public HttpResponse intercept(HttpChain chain) throws IOException {
        HttpRequest request = chain.request();
        String traceparent = traceparentOf(request);
        if (traceparent == null) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder().addHeader(TraceContext.HEADER, traceparent).build());
    }

    private String traceparentOf(HttpRequest request) {
        Invocation invocation = request.toOkHttpRequest().tag(Invocation.class);
        if (invocation == null) {
            return null;
        }
        for (Object argument : invocation.arguments()) {
            String traceparent = argument == null ? null : traceparentByRequest.get(argument);
            if (traceparent != null) {
                return traceparent;
            }
        }
        return null;
    }
}
