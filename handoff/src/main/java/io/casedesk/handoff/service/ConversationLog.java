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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    /**
     * Whether handoff keeps or counts a turn of this kind: customers' messages, answers, agents' replies and handoffs.
     * The others (deliveries, drafts, state changes) change nothing here, so they are neither followed nor recorded.
     */
    public static boolean follows(ConversationTurn turn) {
        return turn.kind() != null && switch (turn.kind()) {
            case INBOUND, ANSWER, AGENT_REPLY, HANDOFF -> true;
            default -> false;
        };
    }

    /**
     * The turns in one transaction (a group commit); each is idempotent on its event id. The conversations they add
     * to are cut back to their last {@code history-turns} once, after all of them.
     */
    @Transactional
    public void onTurns(List<Envelope<ConversationTurn>> envelopes) {
        Set<String> remembered = new LinkedHashSet<>();
        for (Envelope<ConversationTurn> envelope : envelopes) {
            if (follows(envelope.payload()) && follow(envelope)) {
                remembered.add(envelope.conversationId());
            }
        }
        if (!remembered.isEmpty()) {
            trim(remembered);
        }
    }

    /** True when the turn was added to the conversation's recent turns. */
    private boolean follow(Envelope<ConversationTurn> envelope) {
        if (!ProcessedEvent.claim(CONSUMER, envelope.eventId(), clock.instant())) {
            return false;
        }
        ConversationTurn turn = envelope.payload();
        TurnKind kind = turn.kind() == null ? TurnKind.OTHER : turn.kind();
        boolean remembered = turn.text() != null
                && (kind == TurnKind.INBOUND || kind == TurnKind.ANSWER || kind == TurnKind.AGENT_REPLY);
        if (remembered) {
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
        return remembered;
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
    }

    /** Bounded: only the newest turns of each conversation stay; one statement for the group's conversations. */
    private void trim(Set<String> conversationIds) {
        Panache.getEntityManager().flush();
        Panache.getEntityManager().createNativeQuery("""
                delete from recent_turns where id in (
                    select id from (
                        select id, row_number() over (partition by conversation_id order by at desc, id desc) as newer
                        from recent_turns where conversation_id in (?1)) ranked
                    where newer > ?2)""")
                .setParameter(1, List.copyOf(conversationIds))
                .setParameter(2, Math.max(1, config.historyTurns()))
                .executeUpdate();
    }
}
