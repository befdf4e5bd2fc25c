package io.casedesk.ingress.line.config;

import com.linecorp.bot.messaging.client.MessagingApiClient;
import io.casedesk.ingress.line.service.LineApiTraces;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;

/** The official SDK client of the LINE Messaging API. */
@Singleton
public class MessagingApiClientProducer {

    @Produces
    @Singleton
    MessagingApiClient messagingApiClient(LineConfig config, LineApiTraces traces) {
        return MessagingApiClient.builder(config.channelToken())
                .apiEndPoint(config.apiBaseUrl())
                // The SDK's default logger writes whole requests (texts and the bearer token) to the log.
                .usingDefaultLogger(false)
                .addInterceptor(traces)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .writeTimeout(Duration.ofSeconds(10))
                .build();
    }
}
