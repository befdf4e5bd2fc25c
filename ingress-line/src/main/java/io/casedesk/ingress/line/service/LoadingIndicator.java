package io.casedesk.ingress.line.service;

import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.ShowLoadingAnimationRequest;
import io.casedesk.ingress.line.config.LineConfig;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shows the customer LINE's loading animation when CaseDesk takes a while to answer: {@code loading-animation-delay}
 * after the customer's message, unless an answer to the customer went out before. Most answers go out within a
 * fraction of a second, and an animation that only flickers tells the customer nothing; not calling the API for them
 * also halves the calls to LINE per message.
 */
@Singleton
public class LoadingIndicator {

    private static final Logger LOG = Logger.getLogger(LoadingIndicator.class);
    /** Ends on its own, or when the answer arrives. */
    private static final int LOADING_SECONDS = 20;

    private final MessagingApiClient client;
    private final LineApiTraces traces;
    private final Vertx vertx;
    private final long delayMillis;
    /** The customers waiting for an answer whose animation is not shown yet: user id to timer id. */
    private final Map<String, Long> waiting = new ConcurrentHashMap<>();

    public LoadingIndicator(MessagingApiClient client, LineApiTraces traces, Vertx vertx, LineConfig config) {
        this.client = client;
        this.traces = traces;
        this.vertx = vertx;
        this.delayMillis = config.loadingAnimationDelay().toMillis();
    }

    /**
     * The customer waits for an answer: the animation starts after the delay unless {@link #answered} comes first.
     * Returns at once; a failure is only logged. LINE shows it in 1:1 chats only. The call carries
     * {@code traceparent} (may be {@code null}).
     */
    public void show(String userId, String traceparent) {
        if (delayMillis <= 0) {
            start(userId, traceparent);
            return;
        }
        long timer = vertx.setTimer(delayMillis, id -> {
            if (waiting.remove(userId, id)) {
                start(userId, traceparent);
            }
        });
        Long earlier = waiting.put(userId, timer);
        if (earlier != null) {
            vertx.cancelTimer(earlier);
        }
    }

    /** A message to the customer goes out: an animation not shown yet is not needed any more. */
    public void answered(String userId) {
        Long timer = userId == null ? null : waiting.remove(userId);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    private void start(String userId, String traceparent) {
        ShowLoadingAnimationRequest request = new ShowLoadingAnimationRequest(userId, LOADING_SECONDS);
        traces.traced(request, "loading animation", traceparent, () -> client.showLoadingAnimation(request))
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        LOG.debugf("Loading animation not shown: %s", failure.getClass().getSimpleName());
                    }
                });
    }
}
