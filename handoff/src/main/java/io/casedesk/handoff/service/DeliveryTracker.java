package io.casedesk.handoff.service;

import io.casedesk.handoff.model.TicketMessage;
import io.casedesk.schema.DeliveryReport;
import io.casedesk.schema.DeliveryStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.util.Locale;

/** Marks the ticket messages the channels report on; a report for another service's message is ignored. */
@ApplicationScoped
public class DeliveryTracker {

    private final Event<TicketChanged> changes;

    public DeliveryTracker(Event<TicketChanged> changes) {
        this.changes = changes;
    }

    /** Idempotent: a redelivered report sets the same status again. A failure is never overwritten by a skip. */
    @Transactional
    public void onReport(DeliveryReport report) {
        if (report.outboundEventId() == null) {
            return;
        }
        TicketMessage.<TicketMessage>find("outboundEventId", report.outboundEventId()).firstResultOptional()
                .ifPresent(message -> {
                    String status = (report.status() == null ? DeliveryStatus.UNKNOWN : report.status())
                            .name().toLowerCase(Locale.ROOT);
                    if ("sent".equals(message.deliveryStatus) && !"sent".equals(status)) {
                        return; // a late duplicate report ("skipped") does not undo a delivery
                    }
                    message.deliveryStatus = status;
                    message.deliveryDetail = report.detail() == null ? null
                            : report.detail().substring(0, Math.min(200, report.detail().length()));
                    changes.fire(TicketChanged.of(message.ticketId, "delivery"));
                });
    }
}
