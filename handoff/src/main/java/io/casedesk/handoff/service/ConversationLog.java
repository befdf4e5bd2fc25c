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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Follows the conversation audit log: keeps each conversation's last turns (bounded by
 * {@code history-turns}) for new tickets, and counts per conversation and day what the rates are made of.
 */
@ApplicationScoped
public class ConversationLog {

    public static final String CONSUMER = "conversation";
    /** A question, the bot's answer, the customer's next message. */
    private static final int RE_ASK_TURNS = 3;

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
     * The turns of a group commit in one transaction, each idempotent on its event id. Each step is one statement for
     * the whole group (claim the event ids, keep the turns, read the last turns of the conversations a customer wrote
     * in, count, cut back to the last {@code history-turns}), so that a group costs about as much as one turn.
     */
    @Transactional
    public void onTurns(List<Envelope<ConversationTurn>> envelopes) {
        List<Envelope<ConversationTurn>> followed = envelopes.stream().filter(e -> follows(e.payload())).toList();
        if (followed.isEmpty()) {
            return;
        }
        Set<String> claimed = ProcessedEvent.claimAll(CONSUMER, followed.stream().map(Envelope::eventId).toList(),
                clock.instant());
        List<Envelope<ConversationTurn>> fresh = new ArrayList<>();
        for (Envelope<ConversationTurn> envelope : followed) {
            // A record read twice in one group is followed once.
            if (claimed.remove(envelope.eventId())) {
                fresh.add(envelope);
            }
        }
        List<RecentTurn> kept = new ArrayList<>();
        List<Envelope<ConversationTurn>> customerTurns = new ArrayList<>();
        List<HandoffMetrics.CountedTurn> counted = new ArrayList<>();
        for (Envelope<ConversationTurn> envelope : fresh) {
            TurnKind kind = kindOf(envelope.payload());
            if (remembered(envelope.payload(), kind)) {
                kept.add(recentTurn(envelope, kind));
                if (kind == TurnKind.INBOUND) {
                    customerTurns.add(envelope);
                }
            }
            HandoffMetrics.TurnCount count = countOf(envelope.payload(), kind);
            if (count != null) {
                counted.add(new HandoffMetrics.CountedTurn(envelope.conversationId(),
                        envelope.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate(), count));
            }
        }
        RecentTurn.appendAll(kept);
        recordReAsked(customerTurns, kept);
        metrics.countTurns(counted);
        Set<String> conversations = new LinkedHashSet<>();
        kept.forEach(turn -> conversations.add(turn.conversationId));
        if (!conversations.isEmpty()) {
            trim(conversations);
        }
    }

    private static TurnKind kindOf(ConversationTurn turn) {
        return turn.kind() == null ? TurnKind.OTHER : turn.kind();
    }

    /** Kept among the conversation's recent turns: the texts of customers, the bot and agents. */
    private static boolean remembered(ConversationTurn turn, TurnKind kind) {
        return turn.text() != null && (kind == TurnKind.INBOUND || kind == TurnKind.ANSWER || kind == TurnKind.AGENT_REPLY);
    }

    private static HandoffMetrics.TurnCount countOf(ConversationTurn turn, TurnKind kind) {
        return switch (kind) {
            case INBOUND -> HandoffMetrics.TurnCount.INBOUND_TURNS;
            case ANSWER -> "bot".equals(turn.actor()) ? HandoffMetrics.TurnCount.BOT_ANSWERS : null;
            case HANDOFF -> HandoffMetrics.TurnCount.HANDOFFS;
            case AGENT_REPLY -> HandoffMetrics.TurnCount.AGENT_REPLIES;
            default -> null;
        };
    }

    private static RecentTurn recentTurn(Envelope<ConversationTurn> envelope, TurnKind kind) {
        RecentTurn recent = new RecentTurn();
        recent.eventId = envelope.eventId();
        recent.conversationId = envelope.conversationId();
        recent.at = envelope.occurredAt();
        recent.kind = kind.name().toLowerCase(Locale.ROOT);
        recent.actor = envelope.payload().actor();
        recent.text = envelope.payload().text();
        recent.detail = envelope.payload().detail() == null ? null
                : envelope.payload().detail().substring(0, Math.min(64, envelope.payload().detail().length()));
        return recent;
    }

    /**
     * Gives each customer turn the conversation's last three turns as they were when it was kept: those up to it in
     * the logged order (ids), not the group's later turns of the same conversation.
     */
    private void recordReAsked(List<Envelope<ConversationTurn>> customerTurns, List<RecentTurn> kept) {
        if (customerTurns.isEmpty()) {
            return;
        }
        Map<String, Long> idOfEvent = new HashMap<>();
        Map<String, Integer> keptPerConversation = new HashMap<>();
        for (RecentTurn turn : kept) {
            idOfEvent.put(turn.eventId, turn.id);
            keptPerConversation.merge(turn.conversationId, 1, Integer::sum);
        }
        Set<String> conversations = new LinkedHashSet<>();
        customerTurns.forEach(turn -> conversations.add(turn.conversationId()));
        int limit = RE_ASK_TURNS + conversations.stream().mapToInt(keptPerConversation::get).max().orElse(0);
        Map<String, List<RecentTurn>> newest = RecentTurn.newestOfEach(conversations, limit);
        for (Envelope<ConversationTurn> turn : customerTurns) {
            long id = idOfEvent.get(turn.eventId());
            List<RecentTurn> last = new ArrayList<>(newest.getOrDefault(turn.conversationId(), List.of()).stream()
                    .filter(recent -> recent.id <= id).limit(RE_ASK_TURNS).toList());
            Collections.reverse(last);
            gaps.recordReAsked(turn, last);
        }
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
