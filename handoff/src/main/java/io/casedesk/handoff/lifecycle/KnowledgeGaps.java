package io.casedesk.handoff.lifecycle;

import io.casedesk.handoff.mapping.HandoffMapper;
import io.casedesk.handoff.model.KnowledgeGap;
import io.casedesk.handoff.service.CannedResponses;
import io.casedesk.handoff.service.HandoffMetrics;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Triage;
import io.casedesk.schema.privacy.PersonalDataRedactor;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Records the questions the bot could not answer: a handoff for {@code no_article} (no knowledge-base article) or
 * {@code low_confidence} becomes a {@link KnowledgeGap}, the customer's text redacted, in the transaction that
 * handles the request (whose event id is recorded there: a redelivered request records nothing). The grouping
 * worker ({@code KnowledgeGrouping}) embeds it later, off the consumer's path.
 */
@ApplicationScoped
public class KnowledgeGaps {

    /** The handoff reasons that mean the knowledge base lacks an answer. */
    public static final Set<String> REASONS = Set.of("no_article", "low_confidence");

    private final HandoffMetrics metrics;

    public KnowledgeGaps(HandoffMetrics metrics) {
        this.metrics = metrics;
    }

    /** Records the request's question as a gap when its reason says the bot had no answer; in the caller's transaction. */
    public void record(Envelope<HandoffRequest> request, String ticketId, Instant now) {
        HandoffRequest handoff = request.payload();
        InboundMessage inbound = HandoffMapper.inbound(handoff);
        if (handoff.reason() == null || !REASONS.contains(handoff.reason()) || inbound == null
                || inbound.text() == null || inbound.text().isBlank()) {
            return;
        }
        Triage triage = handoff.message().triage();
        KnowledgeGap gap = new KnowledgeGap();
        gap.eventId = request.eventId();
        gap.ticketId = ticketId;
        gap.reason = handoff.reason();
        gap.intent = triage == null || triage.intent() == null ? null
                : triage.intent().name().toLowerCase(Locale.ROOT);
        gap.language = CannedResponses.languageOf(triage != null && triage.language() != null ? triage.language()
                : inbound.languageHint());
        gap.question = PersonalDataRedactor.redact(inbound.text().strip());
        gap.askedAt = now;
        gap.persist();
        metrics.knowledgeGapRecorded(gap.reason, gap.language);
    }
}
