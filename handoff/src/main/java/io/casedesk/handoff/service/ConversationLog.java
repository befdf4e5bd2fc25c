package io.casedesk.handoff.service;

import io.casedesk.handoff.config.HandoffConfig;
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

    public ConversationLog(HandoffConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public void onTurn(Envelope<ConversationTurn> envelope) {
        if (!ProcessedEvent.claim(CONSUMER, envelope.eventId(), clock.instant())) {
            return;
        }
        ConversationTurn turn = envelope.payload();
        TurnKind kind = turn.kind() == null ? TurnKind.OTHER : turn.kind();
        if (turn.text() != null && (kind == TurnKind.INBOUND || kind == TurnKind.ANSWER || kind == TurnKind.AGENT_REPLY)) {
            remember(envelope, kind);
        }
        String column = switch (kind) {
            case INBOUND -> "inbound_turns";
            case ANSWER -> "bot".equals(turn.actor()) ? "bot_answers" : null;
            case HANDOFF -> "handoffs";
            case AGENT_REPLY -> "agent_replies";
            default -> null;
        };
        if (column != null) {
            Panache.getEntityManager().createNativeQuery("insert into conversation_days (conversation_id, day, " + column
                            + ") values (?1, ?2, 1) on conflict (conversation_id, day) do update set " + column
                            + " = conversation_days." + column + " + 1")
                    .setParameter(1, envelope.conversationId())
                    .setParameter(2, envelope.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate())
                    .executeUpdate();
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
