package io.casedesk.cases.service;

import io.casedesk.cases.view.ConversationTurnPage;
import io.casedesk.cases.view.ConversationTurnView;
import io.casedesk.cases.model.ConversationTurnEntry;
import io.casedesk.cases.model.IdentityChannel;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.TurnKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.time.Instant;
import java.util.List;

/** The conversation audit log: turns consumed from {@code cs.conversation.v1}, read per customer or conversation. */
@ApplicationScoped
public class ConversationHistory {

    /**
     * Idempotent on the event id. A turn that names no customer is attributed to the customer whose verified
     * identity it came from, so turns published by services that do not look customers up (the ingresses)
     * still land in that customer's history.
     */
    private static final String INSERT_TURN = """
            insert into conversation_turns
                (event_id, conversation_id, customer_ref, kind, channel, identity, actor, text, detail, occurred_at)
            values (:eventId, :conversationId,
                    coalesce(:customerRef,
                             (select c.ref from channel_identities i join customers c on c.id = i.customer_id
                               where i.channel = :channel and i.external_id = :identity and i.verified)),
                    :kind, :channel, :identity, :actor, :text, :detail, :occurredAt)
            on conflict (event_id) do nothing
            """;

    private final Session session;
    private final Counter persistedTurns;

    public ConversationHistory(Session session, MeterRegistry registry) {
        this.session = session;
        this.persistedTurns = Counter.builder("casedesk.conversation.turns.persisted")
                .description("Conversation turns stored (redeliveries not counted)").register(registry);
    }

    /** Stores the turn unless its event id is stored already; true when it was new. */
    public boolean record(Envelope<ConversationTurn> event) {
        return recordAll(List.of(event)) == 1;
    }

    /** Stores the turns whose event ids are not stored yet, in one transaction; how many were new. */
    public int recordAll(List<Envelope<ConversationTurn>> events) {
        int stored = QuarkusTransaction.joiningExisting().call(() -> {
            int inserted = 0;
            for (Envelope<ConversationTurn> event : events) {
                inserted += insert(event) ? 1 : 0;
            }
            return inserted;
        });
        // Counted once committed: a group that fails is written again turn by turn.
        persistedTurns.increment(stored);
        return stored;
    }

    private boolean insert(Envelope<ConversationTurn> event) {
        ConversationTurn turn = event.payload();
        Channel channel = turn.channel() == null ? Channel.UNKNOWN : turn.channel();
        String identity = turn.identity() == null ? null : normalizedIdentity(channel, turn.identity());
        // Typed binding: an untyped null would reach PostgreSQL as bytea.
        int inserted = session.createNativeMutationQuery(INSERT_TURN)
                .setParameter("eventId", event.eventId(), String.class)
                .setParameter("conversationId", event.conversationId(), String.class)
                .setParameter("customerRef", turn.customerRef(), String.class)
                .setParameter("kind", wireName(turn.kind() == null ? TurnKind.OTHER : turn.kind()), String.class)
                .setParameter("channel", wireName(channel), String.class)
                .setParameter("identity", identity, String.class)
                .setParameter("actor", turn.actor(), String.class)
                .setParameter("text", turn.text(), String.class)
                .setParameter("detail", turn.detail(), String.class)
                .setParameter("occurredAt", event.occurredAt(), Instant.class)
                .executeUpdate();
        return inserted == 1;
    }

    /** A page of the customer's turns, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ConversationTurnPage turnsOf(String customerRef, int page, int size) {
        var query = ConversationTurnEntry.<ConversationTurnEntry>find("customerRef",
                Sort.descending("occurredAt").and("id", Sort.Direction.Descending), customerRef);
        var items = query.page(Page.of(page, size)).list().stream().map(ConversationTurnView::of).toList();
        return new ConversationTurnPage(page, size, query.count(), items);
    }

    /** A page of one conversation's turns, newest first; empty when none are stored (or all were purged). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ConversationTurnPage turnsOfConversation(String conversationId, int page, int size) {
        var query = ConversationTurnEntry.<ConversationTurnEntry>find("conversationId",
                Sort.descending("occurredAt").and("id", Sort.Direction.Descending), conversationId);
        var items = query.page(Page.of(page, size)).list().stream().map(ConversationTurnView::of).toList();
        return new ConversationTurnPage(page, size, query.count(), items);
    }

    private static String normalizedIdentity(Channel channel, String identity) {
        return channel == Channel.EMAIL ? IdentityChannel.EMAIL.normalize(identity) : identity;
    }

    /** The name an enum of the event schema has on the wire, e.g. {@code agent_reply}. */
    private static String wireName(Enum<?> value) {
        return EventCodec.shared().mapper().convertValue(value, String.class);
    }
}
