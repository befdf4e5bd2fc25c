package io.casedesk.handoff.service;

import io.casedesk.handoff.model.AttachmentState;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.model.TicketState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;

/**
 * The figures of human handoff. Prometheus gets counters and histograms, from which PromQL computes rates and
 * averages over any window (deploy/grafana): conversations, those handed to a person and those the bot answered
 * alone (per conversation and UTC day), ratings, first response time and time to agent. The inbox's metrics page
 * gets a {@link Snapshot} computed from the database over the last {@link #WINDOW}. Both count the same
 * conversation days, which this class keeps in {@code conversation_days}. The agents' tools count too: private notes,
 * canned responses used, answers of the bot marked wrong.
 */
@ApplicationScoped
public class HandoffMetrics {

    public static final Duration WINDOW = Duration.ofDays(30);

    /** What the metrics page shows; times in seconds, rates from 0 to 1, {@code null} when nothing to count. */
    public record Snapshot(Instant computedAt, long conversations, long handedOff, long automated, Double handoffRate,
                           Double automationRate, long tickets, Double avgFirstResponseSeconds,
                           Double avgTimeToAgentSeconds, long ratings, Double csatAverage, Double csatSatisfied,
                           Map<Integer, Long> ratingCounts, Map<TicketState, Long> openByState, long notes,
                           long answersMarkedWrong, long knowledgeGaps, List<GapGroupFigure> topGapGroups,
                           long inboundMessages, Double gapRate, long articlesPublished, long cannedResponsesUsed) {
    }

    /** A group of knowledge gaps on the metrics page: its gaps in the window and its latest question. */
    public record GapGroupFigure(long groupId, long gaps, String sample) {
    }

    /** How many gap groups the metrics page shows. */
    static final int TOP_GAP_GROUPS = 5;

    /** A conversation's counts of one day, as {@code conversation_days} holds them. */
    record ConversationDay(long inboundTurns, long botAnswers, long handoffs, long agentReplies) {

        /** Counted as a conversation: the customer wrote that day. */
        boolean counted() {
            return inboundTurns > 0;
        }

        boolean handedOff() {
            return inboundTurns > 0 && handoffs > 0;
        }

        /** The bot answered and no person took part (yet). */
        boolean automated() {
            return inboundTurns > 0 && handoffs == 0 && agentReplies == 0 && botAnswers > 0;
        }

        static final ConversationDay NONE = new ConversationDay(0, 0, 0, 0);

        /** This day with the turns counted. */
        ConversationDay plus(List<TurnCount> counts) {
            long inbound = inboundTurns, bot = botAnswers, handedOff = handoffs, agent = agentReplies;
            for (TurnCount count : counts) {
                switch (count) {
                    case INBOUND_TURNS -> inbound++;
                    case BOT_ANSWERS -> bot++;
                    case HANDOFFS -> handedOff++;
                    case AGENT_REPLIES -> agent++;
                }
            }
            return new ConversationDay(inbound, bot, handedOff, agent);
        }

        ConversationDay minus(ConversationDay other) {
            return new ConversationDay(inboundTurns - other.inboundTurns, botAnswers - other.botAnswers,
                    handoffs - other.handoffs, agentReplies - other.agentReplies);
        }
    }

    /** The turns counted per conversation and day, each a column of {@code conversation_days}. */
    public enum TurnCount {
        INBOUND_TURNS("inbound_turns"), BOT_ANSWERS("bot_answers"), HANDOFFS("handoffs"), AGENT_REPLIES("agent_replies");

        private final String column;

        TurnCount(String column) {
            this.column = column;
        }
    }

    private final MeterRegistry registry;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final Timer firstResponse;
    private final Timer timeToAgent;
    private final DistributionSummary rating;
    private final Counter conversations;
    private final Counter handedOff;
    private final Counter automated;
    private final Counter automationReverted;
    private final Counter inboundMessages;
    private final Counter notes;
    private final Counter answersMarkedWrong;
    private final Counter articlesPublished;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    public HandoffMetrics(MeterRegistry registry, Clock clock, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.clock = clock;
        this.transactions = transactions;
        this.firstResponse = Timer.builder("casedesk.handoff.first.response")
                .description("From ticket opened to the agent's first message").publishPercentileHistogram()
                .register(registry);
        this.timeToAgent = Timer.builder("casedesk.handoff.time.to.agent")
                .description("From ticket opened to assignment to an agent").publishPercentileHistogram()
                .register(registry);
        // Sum and count: the average rating (CSAT) over any window is increase(sum) / increase(count).
        this.rating = DistributionSummary.builder("casedesk.handoff.rating")
                .description("Customer ratings, 1 to 5").register(registry);
        this.conversations = Counter.builder("casedesk.handoff.conversations")
                .description("Conversations, per conversation and UTC day, in which the customer wrote").register(registry);
        this.handedOff = Counter.builder("casedesk.handoff.conversations.handed.off")
                .description("Of those, the ones handed to a person").register(registry);
        this.automated = Counter.builder("casedesk.handoff.conversations.automated")
                .description("Of those, the ones that became answered by the bot with no person; "
                        + "minus casedesk.handoff.conversations.automation.reverted, the automated ones").register(registry);
        this.automationReverted = Counter.builder("casedesk.handoff.conversations.automation.reverted")
                .description("Conversations counted as automated that a person joined later the same day")
                .register(registry);
        this.inboundMessages = Counter.builder("casedesk.handoff.inbound.messages")
                .description("Customers' messages; the gap rate is increase(casedesk_handoff_knowledge_gaps_total) "
                        + "over increase of this").register(registry);
        this.notes = Counter.builder("casedesk.handoff.notes")
                .description("Private notes agents added to tickets").register(registry);
        this.answersMarkedWrong = Counter.builder("casedesk.handoff.answers.marked.wrong")
                .description("Answers of the bot agents marked wrong, with the right answer").register(registry);
        this.articlesPublished = Counter.builder("casedesk.handoff.articles.published")
                .description("FAQ articles drafted from knowledge gaps and published to case-service")
                .register(registry);
        for (TicketState state : TicketState.values()) {
            if (state.open()) {
                Gauge.builder("casedesk.handoff.tickets.open", this, m -> {
                    Snapshot s = m.snapshot.get();
                    return s == null ? 0 : s.openByState().getOrDefault(state, 0L);
                }).tag("state", state.name().toLowerCase()).description("Open tickets").register(registry);
            }
        }
    }

    public void ticketOpened(Ticket ticket) {
        registry.counter("casedesk.handoff.tickets.opened", "reason", String.valueOf(ticket.reason),
                "priority", String.valueOf(ticket.priority)).increment();
        if (ticket.supervisorNotified) {
            registry.counter("casedesk.handoff.supervisor.alerts").increment();
        }
    }

    public void firstResponse(Duration duration) {
        firstResponse.record(duration);
    }

    public void timeToAgent(Duration duration) {
        timeToAgent.record(duration);
    }

    public void closed(String reason) {
        registry.counter("casedesk.handoff.tickets.closed", "reason", reason).increment();
    }

    public void rated(int score) {
        registry.counter("casedesk.handoff.ratings", "score", String.valueOf(score)).increment();
        rating.record(score);
    }

    /** One turn to count: the conversation, its UTC day, and which count it adds to. */
    public record CountedTurn(String conversationId, LocalDate day, TurnCount count) {
    }

    /**
     * Counts the turns of a group commit on their conversations' days in one statement (in the caller's
     * transaction), and once that transaction has committed, the conversation counters they moved, each turn's step
     * taken in the list's order as if counted alone: a redelivered turn that rolls back counts nothing.
     */
    public void countTurns(List<CountedTurn> turns) {
        if (turns.isEmpty()) {
            return;
        }
        // Per conversation day, in a fixed order so that two transactions never lock the same rows in opposite orders.
        Map<DayKey, List<TurnCount>> byDay = new TreeMap<>();
        turns.forEach(turn -> byDay.computeIfAbsent(new DayKey(turn.conversationId(), turn.day()),
                key -> new ArrayList<>()).add(turn.count()));
        Map<DayKey, ConversationDay> added = new LinkedHashMap<>();
        byDay.forEach((key, counts) -> added.put(key, ConversationDay.NONE.plus(counts)));
        Map<DayKey, ConversationDay> after = new HashMap<>();
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into conversation_days as c (conversation_id, day, inbound_turns, bot_answers, handoffs,
                                                        agent_replies)
                    select conversation_id, day::date, inbound_turns, bot_answers, handoffs, agent_replies
                    from unnest(?, ?, ?, ?, ?, ?) with ordinality
                        as d(conversation_id, day, inbound_turns, bot_answers, handoffs, agent_replies, position)
                    order by position
                    on conflict (conversation_id, day) do update set
                        inbound_turns = c.inbound_turns + excluded.inbound_turns,
                        bot_answers = c.bot_answers + excluded.bot_answers,
                        handoffs = c.handoffs + excluded.handoffs,
                        agent_replies = c.agent_replies + excluded.agent_replies
                    returning conversation_id, day::text, inbound_turns, bot_answers, handoffs, agent_replies""")) {
                List<DayKey> keys = List.copyOf(added.keySet());
                List<ConversationDay> days = List.copyOf(added.values());
                upsert.setArray(1, connection.createArrayOf("varchar",
                        keys.stream().map(DayKey::conversationId).toArray()));
                upsert.setArray(2, connection.createArrayOf("varchar",
                        keys.stream().map(key -> key.day().toString()).toArray()));
                upsert.setArray(3, integers(connection, days, ConversationDay::inboundTurns));
                upsert.setArray(4, integers(connection, days, ConversationDay::botAnswers));
                upsert.setArray(5, integers(connection, days, ConversationDay::handoffs));
                upsert.setArray(6, integers(connection, days, ConversationDay::agentReplies));
                try (ResultSet rows = upsert.executeQuery()) {
                    while (rows.next()) {
                        after.put(new DayKey(rows.getString(1), LocalDate.parse(rows.getString(2))),
                                new ConversationDay(rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6)));
                    }
                }
            }
        });
        List<Counter> moved = new ArrayList<>();
        byDay.forEach((key, counts) -> {
            ConversationDay day = after.get(key).minus(added.get(key));
            for (TurnCount count : counts) {
                ConversationDay next = day.plus(List.of(count));
                moved.addAll(changes(day, next));
                if (count == TurnCount.INBOUND_TURNS) {
                    moved.add(inboundMessages);
                }
                day = next;
            }
        });
        if (!moved.isEmpty()) {
            afterCommit(() -> moved.forEach(Counter::increment));
        }
    }

    /** One count of each day, as a SQL integer array. */
    private static Array integers(Connection connection, List<ConversationDay> days,
            ToLongFunction<ConversationDay> count) throws SQLException {
        return connection.createArrayOf("integer", days.stream().map(day -> (int) count.applyAsLong(day)).toArray());
    }

    private record DayKey(String conversationId, LocalDate day) implements Comparable<DayKey> {
        @Override
        public int compareTo(DayKey other) {
            int byConversation = conversationId.compareTo(other.conversationId);
            return byConversation != 0 ? byConversation : day.compareTo(other.day);
        }
    }

    /** A private note was added (in the caller's transaction); counted once it commits. */
    public void noteAdded() {
        afterCommit(notes::increment);
    }

    /** A bot answer was marked wrong (in the caller's transaction); counted once it commits. */
    public void answerMarkedWrong() {
        afterCommit(answersMarkedWrong::increment);
    }

    /** A question the bot could not answer was recorded (in the caller's transaction); counted once it commits. */
    public void knowledgeGapRecorded(String reason, String language) {
        afterCommit(() -> registry.counter("casedesk.handoff.knowledge.gaps", "reason", reason, "language", language)
                .increment());
    }

    /** A drafted article was published to case-service's knowledge base. */
    public void articlePublished() {
        articlesPublished.increment();
    }

    /** A customer's file was fetched and kept, or found too large or unavailable (in the caller's transaction). */
    public void attachmentSettled(AttachmentState state, Long sizeBytes) {
        String outcome = state.name().toLowerCase(Locale.ROOT);
        afterCommit(() -> {
            registry.counter("casedesk.handoff.attachments", "outcome", outcome).increment();
            if (sizeBytes != null && "stored".equals(outcome)) {
                registry.counter("casedesk.handoff.attachments.stored.bytes").increment(sizeBytes);
            }
        });
    }

    /** The bytes of files past their retention were dropped. */
    public void attachmentsPurged(int count) {
        registry.counter("casedesk.handoff.attachments", "outcome", "purged").increment(count);
    }

    /** An agent's reply that started from a canned response went out. */
    public void cannedResponseUsed(String language, String shortcut) {
        registry.counter("casedesk.handoff.canned.responses.used", "language", language, "shortcut", shortcut)
                .increment();
    }

    /** Runs {@code count} once the caller's transaction has committed; never for one that rolls back. */
    private void afterCommit(Runnable count) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count.run();
                }
            }
        });
    }

    /** The counters a conversation day's change from {@code before} to {@code after} moves. */
    private List<Counter> changes(ConversationDay before, ConversationDay after) {
        List<Counter> moved = new ArrayList<>();
        if (after.counted() && !before.counted()) {
            moved.add(conversations);
        }
        if (after.handedOff() && !before.handedOff()) {
            moved.add(handedOff);
        }
        if (after.automated() && !before.automated()) {
            moved.add(automated);
        } else if (before.automated() && !after.automated()) {
            moved.add(automationReverted);
        }
        return moved;
    }

    public Counter deadLettered(String topic) {
        return registry.counter("casedesk.handoff.dead.lettered", "topic", topic);
    }

    public Snapshot snapshot() {
        Snapshot s = snapshot.get();
        return s != null ? s : refresh();
    }

    /** Recomputes the figures from the database; needs a transaction. */
    public Snapshot refresh() {
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        var em = Panache.getEntityManager();
        Object[] days = (Object[]) em.createNativeQuery("""
                select count(*) filter (where inbound_turns > 0),
                       count(*) filter (where inbound_turns > 0 and handoffs > 0),
                       count(*) filter (where inbound_turns > 0 and handoffs = 0 and agent_replies = 0 and bot_answers > 0)
                from conversation_days where day >= ?1""")
                .setParameter(1, since.atOffset(ZoneOffset.UTC).toLocalDate()).getSingleResult();
        Object[] tickets = (Object[]) em.createNativeQuery("""
                select count(*),
                       avg(extract(epoch from first_response_at - created_at)),
                       avg(extract(epoch from assigned_at - created_at)),
                       count(rating), avg(rating), count(*) filter (where rating >= 4)
                from tickets where created_at >= ?1""")
                .setParameter(1, since).getSingleResult();
        Map<Integer, Long> ratingCounts = new java.util.TreeMap<>();
        for (int score = 1; score <= 5; score++) {
            ratingCounts.put(score, 0L);
        }
        for (Object row : em.createNativeQuery("select rating, count(*) from tickets where created_at >= ?1 "
                + "and rating is not null group by rating").setParameter(1, since).getResultList()) {
            Object[] r = (Object[]) row;
            ratingCounts.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue());
        }
        Map<TicketState, Long> open = new EnumMap<>(TicketState.class);
        for (TicketState state : TicketState.values()) {
            if (state.open()) {
                open.put(state, Ticket.count("state", state));
            }
        }
        long notes = number(em.createNativeQuery("select count(*) from ticket_notes where at >= ?1")
                .setParameter(1, since).getSingleResult());
        long markedWrong = number(em.createNativeQuery("select count(*) from answer_feedback where marked_at >= ?1")
                .setParameter(1, since).getSingleResult());
        long gaps = number(em.createNativeQuery("select count(*) from knowledge_gaps where asked_at >= ?1")
                .setParameter(1, since).getSingleResult());
        long inbound = number(em.createNativeQuery("select coalesce(sum(inbound_turns), 0) from conversation_days "
                + "where day >= ?1").setParameter(1, since.atOffset(ZoneOffset.UTC).toLocalDate()).getSingleResult());
        long published = number(em.createNativeQuery("select count(*) from knowledge_drafts where state = 'approved' "
                + "and decided_at >= ?1").setParameter(1, since).getSingleResult());
        long cannedUsed = number(em.createNativeQuery("select count(*) from canned_response_uses where at >= ?1")
                .setParameter(1, since).getSingleResult());
        List<GapGroupFigure> topGroups = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                select group_id, count(*),
                       (select question from knowledge_gaps s where s.group_id = g.group_id
                        order by asked_at desc, id desc limit 1)
                from knowledge_gaps g where group_id is not null and asked_at >= ?1
                group by group_id order by count(*) desc, max(asked_at) desc limit ?2""")
                .setParameter(1, since).setParameter(2, TOP_GAP_GROUPS).getResultList()) {
            Object[] r = (Object[]) row;
            topGroups.add(new GapGroupFigure(number(r[0]), number(r[1]), (String) r[2]));
        }
        long conversations = number(days[0]);
        long handed = number(days[1]);
        long automated = number(days[2]);
        long ratings = number(tickets[3]);
        Snapshot fresh = new Snapshot(now, conversations, handed, automated,
                conversations == 0 ? null : (double) handed / conversations,
                conversations == 0 ? null : (double) automated / conversations,
                number(tickets[0]), decimal(tickets[1]), decimal(tickets[2]), ratings, decimal(tickets[4]),
                ratings == 0 ? null : (double) number(tickets[5]) / ratings, ratingCounts, open, notes,
                markedWrong, gaps, topGroups, inbound, inbound == 0 ? null : (double) gaps / inbound, published,
                cannedUsed);
        snapshot.set(fresh);
        return fresh;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
