package io.casedesk.ingress.line.idempotency;

import io.casedesk.ingress.line.config.LineConfig;
import io.casedesk.schema.RecentEventIds;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * What this service already did, by id, in bounded memory: filled from the Kafka log at startup
 * ({@link IdempotencyWarmup}) and kept up to date while it runs, so a restart does not forget.
 */
@Singleton
public class ProcessedIds {

    private final RecentEventIds inboundEvents;
    private final RecentEventIds sentOutboundEvents;
    private final RecentEventIds unsentMessages;

    @Inject
    public ProcessedIds(LineConfig config) {
        this(config.idempotencyCapacity());
    }

    public ProcessedIds(int capacity) {
        this.inboundEvents = new RecentEventIds(capacity);
        this.sentOutboundEvents = new RecentEventIds(capacity);
        this.unsentMessages = new RecentEventIds(capacity);
    }

    /** Ids of the inbound events published to {@code cs.inbound.v1} ({@code EventIds.lineInbound}). */
    public RecentEventIds inboundEvents() {
        return inboundEvents;
    }

    /** Ids of the outbound events handled (sent, or claimed for sending right now). */
    public RecentEventIds sentOutboundEvents() {
        return sentOutboundEvents;
    }

    /** LINE message ids the customer took back ({@code unsend} events): replies to them are not sent. */
    public RecentEventIds unsentMessages() {
        return unsentMessages;
    }
}
