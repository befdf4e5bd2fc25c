package io.casedesk.handoff.messaging;

import io.casedesk.handoff.service.FirmCalendar;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.FirmChanged;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows {@code cs.firm.v1}: after an import the firm's service hours and out-of-hours texts are read again on the
 * next handoff, so a newly imported firm's texts are the ones customers get. Every instance reads every change (a
 * group of its own per start, from the latest).
 */
@ApplicationScoped
public class FirmChangeConsumer {

    private static final Logger LOG = Logger.getLogger(FirmChangeConsumer.class);

    private final FirmCalendar calendar;

    public FirmChangeConsumer(FirmCalendar calendar) {
        this.calendar = calendar;
    }

    @Incoming("firm")
    public void consume(String record) {
        Envelope<EventPayload> envelope = EventCodec.shared().decode(record);
        if (envelope.payload() instanceof FirmChanged change && change.settingsChanged()) {
            calendar.refresh();
            LOG.info("The firm's settings changed; service hours and texts are read again");
        }
    }
}
