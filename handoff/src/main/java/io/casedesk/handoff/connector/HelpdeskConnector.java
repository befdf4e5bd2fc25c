package io.casedesk.handoff.connector;

import io.casedesk.handoff.config.HandoffConfig;
import io.casedesk.handoff.mapping.Json;
import io.casedesk.handoff.mapping.TicketViews;
import io.casedesk.handoff.model.Closing;
import io.casedesk.handoff.model.ConversationControl;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.model.TicketMessage;
import io.casedesk.handoff.service.TicketChanged;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The generic webhook connector to an external helpdesk (DESIGN §5): a new ticket is established there, each
 * customer message is posted to its chat, and a close is announced. Calls go out after the change commits,
 * one at a time in order (a chat never overtakes its establish), with retries; the helpdesk answers through
 * {@code /api/v1/helpdesk}.
 */
@ApplicationScoped
public class HelpdeskConnector {

    private static final Logger LOG = Logger.getLogger(HelpdeskConnector.class);

    private final HandoffConfig.Helpdesk config;
    private final MeterRegistry registry;
    private final WebhookClient client;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> new Thread(r, "helpdesk-connector"));

    public HelpdeskConnector(HandoffConfig config, MeterRegistry registry) {
        this.config = config.helpdesk();
        this.registry = registry;
        this.client = this.config.enabled() && this.config.baseUrl().isPresent()
                ? new WebhookClient(this.config.baseUrl().get(), this.config.username().orElse(null),
                        this.config.password().orElse(null), this.config.maxAttempts(), this.config.backoff(),
                        this.config.timeout())
                : null;
    }

    public boolean enabled() {
        return client != null;
    }

    void onTicketChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketChanged changed) {
        if (client == null) {
            return;
        }
        switch (changed.change()) {
            case "created" -> sender.submit(() -> establish(changed.ticketId()));
            case "message" -> {
                Map<String, Object> chat = new LinkedHashMap<>();
                chat.put("ticketId", changed.ticketId());
                chat.put("author", "customer");
                chat.put("text", changed.text());
                chat.put("at", Instant.now().toString());
                sender.submit(() -> send("chat", "/chat", chat));
            }
            case "closed" -> sender.submit(() -> closed(changed.ticketId()));
            default -> {
                // Agents' own actions and deliveries are the helpdesk's or the inbox's business.
            }
        }
    }

    private void establish(String ticketId) {
        TicketViews.Detail detail = QuarkusTransaction.requiringNew().call(() -> {
            Ticket ticket = Ticket.findById(ticketId);
            return ticket == null ? null
                    // Private notes and feedback on the bot stay with CaseDesk's own people.
                    : TicketViews.detail(ticket, TicketMessage.of(ticketId), List.of(), List.of(),
                            ConversationControl.isPaused(ticket.conversationId));
        });
        if (detail != null) {
            send("establish", "/conversation/establish", detail);
        }
    }

    private void closed(String ticketId) {
        Map<String, Object> close = QuarkusTransaction.requiringNew().call(() -> {
            Ticket ticket = Ticket.findById(ticketId);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ticketId", ticketId);
            Closing closing = ticket == null ? null : ticket.closing();
            body.put("closedBy", closing == null ? null : closing.by());
            body.put("reason", closing == null ? null : closing.reason().code());
            return body;
        });
        send("close", "/conversation/close", close);
    }

    private void send(String call, String path, Object body) {
        try {
            WebhookClient.Result result = client.post(path, Json.write(body));
            registry.counter("casedesk.handoff.helpdesk.calls", "call", call,
                    "outcome", result.delivered() ? "delivered" : "failed").increment();
            if (!result.delivered()) {
                LOG.warnf("Helpdesk %s failed after %d attempts (HTTP %d)", call, result.attempts(), result.lastStatus());
            }
        } catch (RuntimeException e) {
            registry.counter("casedesk.handoff.helpdesk.calls", "call", call, "outcome", "failed").increment();
            LOG.warnf("Helpdesk %s failed: %s", call, e.getClass().getSimpleName());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        sender.shutdown();
    }
}
