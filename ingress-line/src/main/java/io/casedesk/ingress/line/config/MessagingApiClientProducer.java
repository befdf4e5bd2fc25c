package io.casedesk.ingress.line.config;

import com.linecorp.bot.client.base.PooledClientBuilder;
import com.linecorp.bot.client.base.http.HttpInterceptor;
import com.linecorp.bot.messaging.client.MessagingApiBlobClient;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.client.MessagingApiExceptionBuilder;
import io.casedesk.ingress.line.service.LineApiTraces;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Duration;

/** The official SDK client of the LINE Messaging API. */
@Singleton
public class MessagingApiClientProducer {

    @Produces
    @Singleton
    MessagingApiClient messagingApiClient(LineConfig config, LineApiTraces traces) {
        return client(config.apiBaseUrl(), config.channelToken(), config.maxConcurrentCalls(), traces);
    }

    /** The content API's client: the files customers sent, read only when handoff asks for one. */
    @Produces
    @Singleton
    MessagingApiBlobClient messagingApiBlobClient(LineConfig config, LineApiTraces traces) {
        return MessagingApiBlobClient.builder(config.channelToken())
                .apiEndPoint(config.dataApiBaseUrl())
                // The default logger would write the bearer token (and content) to the log.
                .usingDefaultLogger(false)
                .addInterceptor(traces)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(config.attachments().timeout())
                .build();
    }

    /**
     * The client as this service uses it, with at most {@code maxConcurrentCalls} calls in flight at once, and as many
     * connections kept alive between calls (see {@link PooledClientBuilder}).
     */
    public static MessagingApiClient client(URI apiBaseUrl, String channelToken, int maxConcurrentCalls,
            HttpInterceptor interceptor) {
        if (maxConcurrentCalls < 1) {
            throw new IllegalArgumentException("casedesk.line.max-concurrent-calls must be at least 1");
        }
        return new PooledClientBuilder<>(apiBaseUrl, MessagingApiClient.class, new MessagingApiExceptionBuilder(),
                channelToken, maxConcurrentCalls)
                // The SDK's default logger writes whole requests (texts and the bearer token) to the log.
                .usingDefaultLogger(false)
                // Every call goes to one host, where OkHttp's dispatcher would queue all but 5.
                .maxRequests(maxConcurrentCalls)
                .maxRequestsPerHost(maxConcurrentCalls)
                .addInterceptor(interceptor)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .writeTimeout(Duration.ofSeconds(10))
                .build();
    }
}
