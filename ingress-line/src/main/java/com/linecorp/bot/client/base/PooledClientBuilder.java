package com.linecorp.bot.client.base;

import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The LINE SDK's client builder with a connection pool of a chosen size. The SDK builds its OkHttp client with OkHttp's
 * default pool, which keeps only 5 idle connections: a sender with more calls in flight than that closes every
 * connection beyond the fifth when its call returns and opens (over TLS, against LINE) a new one for the next, so
 * most calls of a busy minute pay a handshake. The builder has no setting for the pool (SDK 9.14); its package-private
 * {@code createBuilder()} is where the OkHttp builder is made, so this subclass lives in the SDK's package to supply
 * one with the pool. Everything else (the token header, error handling, timeouts, the dispatcher) stays the SDK's.
 * If a later SDK drops that method, the {@code @Override} stops the build.
 */
public class PooledClientBuilder<T> extends ApiAuthenticatedClientBuilder<T> {

    private final int maxIdleConnections;

    public PooledClientBuilder(URI apiEndPoint, Class<T> clientClass, ExceptionBuilder exceptionBuilder,
            String channelToken, int maxIdleConnections) {
        super(apiEndPoint, clientClass, exceptionBuilder, channelToken);
        if (maxIdleConnections < 1) {
            throw new IllegalArgumentException("maxIdleConnections must be at least 1");
        }
        this.maxIdleConnections = maxIdleConnections;
    }

    @Override
    OkHttpClient.Builder createBuilder() {
        // Five minutes is OkHttp's own keep-alive; only the number of idle connections kept changes.
        return new OkHttpClient.Builder().connectionPool(new ConnectionPool(maxIdleConnections, 5, TimeUnit.MINUTES));
    }
}
