package io.casedesk.ingress.line.service;

import com.linecorp.bot.client.base.http.HttpChain;
import com.linecorp.bot.client.base.http.HttpInterceptor;
import com.linecorp.bot.client.base.http.HttpRequest;
import com.linecorp.bot.client.base.http.HttpResponse;
import io.casedesk.schema.TraceContext;
import jakarta.inject.Singleton;
import retrofit2.Invocation;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Puts a {@code traceparent} header on the calls to the LINE Messaging API. The SDK's client gives no way to
 * add a header per call, and its interceptors run on OkHttp's threads, not the caller's: so the caller registers
 * the request object it passes to the SDK with {@link #traced}, and the interceptor finds it among the arguments
 * of the call (Retrofit tags each request with its {@link Invocation}). Calls made without it carry no header.
 */
@Singleton
public class LineApiTraces implements HttpInterceptor {

    private final Map<Object, String> traceparentByRequest = Collections.synchronizedMap(new IdentityHashMap<>());

    /** Makes {@code call}, whose SDK request object is {@code request}, with {@code traceparent} on it. */
    public <T> CompletionStage<T> traced(Object request, String traceparent, Supplier<CompletionStage<T>> call) {
        if (traceparent == null) {
            return call.get();
        }
        traceparentByRequest.put(request, traceparent);
        CompletionStage<T> result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            traceparentByRequest.remove(request);
            throw e;
        }
        return result.whenComplete((value, failure) -> traceparentByRequest.remove(request));
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
