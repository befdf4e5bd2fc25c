package io.casedesk.handoff.service;

import io.casedesk.handoff.config.HandoffConfig;
import io.casedesk.handoff.lifecycle.KnowledgeGaps;
import io.casedesk.handoff.model.ProcessedEvent;
import io.casedesk.handoff.model.RecentTurn;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.TurnKind;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Follows the conversation audit log: keeps each conversation's last turns (bounded by
 * {@code history-turns}) for new tickets, and counts per conversation and day what the rates are made of.
 */
@ApplicationScoped
public class ConversationLog {

    public static final String CONSUMER = "conversation";

    private final HandoffConfig config;
    private final Clock clock;
    private final HandoffMetrics metrics;
    private final KnowledgeGaps gaps;

    public ConversationLog(HandoffConfig config, Clock clock, HandoffMetrics metrics, KnowledgeGaps gaps) {
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.gaps = gaps;
    }

    /** The turns in one transaction (a group commit); each is idempotent on its event id. */
    @Transactional
    public void onTurns(List<Envelope<ConversationTurn>> envelopes) {
        envelopes.forEach(this::follow);
    }

    private void follow(Envelope<ConversationTurn> envelope) {
        if (!ProcessedEvent.claim(CONSUMER, envelope.eventId(), clock.instant())) {
            return;
        }
        ConversationTurn turn = envelope.payload();
        TurnKind kind = turn.kind() == null ? TurnKind.OTHER : turn.kind();
        if (turn.text() != null && (kind == TurnKind.INBOUND || kind == TurnKind.ANSWER || kind == TurnKind.AGENT_REPLY)) {
            remember(envelope, kind);
            if (kind == TurnKind.INBOUND) {
                gaps.recordReAsked(envelope);
            }
        }
        HandoffMetrics.TurnCount count = switch (kind) {
            case INBOUND -> HandoffMetrics.TurnCount.INBOUND_TURNS;
            case ANSWER -> "bot".equals(turn.actor()) ? HandoffMetrics.TurnCount.BOT_ANSWERS : null;
            case HANDOFF -> HandoffMetrics.TurnCount.HANDOFFS;
            case AGENT_REPLY -> HandoffMetrics.TurnCount.AGENT_REPLIES;
            default -> null;
        };
        if (count != null) {
            metrics.countTurn(envelope.conversationId(), envelope.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate(), count);
        }
    }

    private void remember(Envelope<ConversationTurn> envelope, TurnKind kind) {
        RecentTurn recent = new RecentTurn();
        recent.eventId = envelope.eventId();
        recent.conversationId = envelope.conversationId();
        recent.at = envelope.occurredAt();
        recent.kind = kind.name().toLowerCase(Locale.ROOT);
        recent.actor = envelope.payload().actor();
        recent.text = envelope.payload().text();
        recent.detail = envelope.payload().detail() == null ? null
                : envelope.payload().detail().substring(0, Math.min(64, envelope.payload().detail().length()));
        recent.persist();
        Panache.getEntityManager().flush();
        // Bounded: only the newest turns of the conversation stay.
        Panache.getEntityManager().createNativeQuery("""
                delete from recent_turns where conversation_id = ?1 and id not in (
                    select id from recent_turns where conversation_id = ?1 order by at desc, id desc limit ?2)""")
                .setParameter(1, envelope.conversationId())
                .setParameter(2, Math.max(1, config.historyTurns()))
                .executeUpdate();
    }
}
