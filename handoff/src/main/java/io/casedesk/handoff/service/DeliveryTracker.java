package io.casedesk.handoff.service;

import io.casedesk.handoff.model.TicketMessage;
import io.casedesk.schema.DeliveryReport;
import io.casedesk.schema.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Marks the ticket messages the channels report on; a report for another service's message is ignored. */
@ApplicationScoped
public class DeliveryTracker {

    private final Event<TicketChanged> changes;

    public DeliveryTracker(Event<TicketChanged> changes) {
        this.changes = changes;
    }

    /**
     * The reports of a group commit in one transaction and one query for their ticket messages (most reports are of
     * the bot's answers, which have none). Idempotent: a redelivered report sets the same status again. A failure is
     * never overwritten by a skip. Reports on one message are applied in the list's order.
     */
    @Transactional
    public void onReports(List<DeliveryReport> reports) {
        List<String> outboundIds = reports.stream().map(DeliveryReport::outboundEventId).filter(Objects::nonNull)
                .distinct().toList();
        if (outboundIds.isEmpty()) {
            return;
        }
        Map<String, TicketMessage> messages = new HashMap<>();
        TicketMessage.<TicketMessage>list("outboundEventId in ?1", outboundIds)
                .forEach(message -> messages.put(message.outboundEventId, message));
        for (DeliveryReport report : reports) {
            TicketMessage message = report.outboundEventId() == null ? null : messages.get(report.outboundEventId());
            if (message != null) {
                apply(report, message);
            }
        }
    }

    private void apply(DeliveryReport report, TicketMessage message) {
        String status = (report.status() == null ? DeliveryStatus.UNKNOWN : report.status()).name()
                .toLowerCase(Locale.ROOT);
        if ("sent".equals(message.deliveryStatus) && !"sent".equals(status)) {
            return; // a late duplicate report ("skipped") does not undo a delivery
        }
        message.deliveryStatus = status;
        message.deliveryDetail = report.detail() == null ? null
                : report.detail().substring(0, Math.min(200, report.detail().length()));
        changes.fire(TicketChanged.of(message.ticketId, "delivery"));
    }
}
