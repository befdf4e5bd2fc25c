package io.casedesk.ingress.line.service;

import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.ShowLoadingAnimationRequest;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Shows the customer LINE's loading animation while CaseDesk prepares an answer. */
@Singleton
public class LoadingIndicator {

    private static final Logger LOG = Logger.getLogger(LoadingIndicator.class);
    /** Ends on its own, or when the answer arrives. */
    private static final int LOADING_SECONDS = 20;

    private final MessagingApiClient client;
    private final LineApiTraces traces;

    public LoadingIndicator(MessagingApiClient client, LineApiTraces traces) {
        this.client = client;
        this.traces = traces;
    }

    /**
     * Fire-and-forget: returns at once; a failure is only logged. LINE shows it in 1:1 chats only. The call
     * carries {@code traceparent} (may be {@code null}).
     */
    public void show(String userId, String traceparent) {
        ShowLoadingAnimationRequest request = new ShowLoadingAnimationRequest(userId, LOADING_SECONDS);
        traces.traced(request, "loading animation", traceparent, () -> client.showLoadingAnimation(request))
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        LOG.debugf("Loading animation not shown: %s", failure.getClass().getSimpleName());
                    }
                });
    }
}
