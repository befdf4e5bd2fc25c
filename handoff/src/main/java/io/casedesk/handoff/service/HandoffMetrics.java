package io.casedesk.handoff.service;

import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.model.TicketState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The figures of human handoff, as Prometheus metrics and for the inbox's metrics page: first response
 * time, time to agent, handoff rate, automation rate (conversations the bot answered with no person), CSAT.
 * Rates and CSAT are computed from the database over the last {@link #WINDOW}, per conversation and day.
 */
@ApplicationScoped
public class HandoffMetrics {

    public static final Duration WINDOW = Duration.ofDays(30);

    /** What the metrics page shows; times in seconds, rates from 0 to 1, {@code null} when nothing to count. */
    public record Snapshot(Instant computedAt, long conversations, long handedOff, long automated, Double handoffRate,
                           Double automationRate, long tickets, Double avgFirstResponseSeconds,
                           Double avgTimeToAgentSeconds, long ratings, Double csatAverage, Double csatSatisfied,
                           Map<Integer, Long> ratingCounts, Map<TicketState, Long> openByState) {
    }

    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer firstResponse;
    private final Timer timeToAgent;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    public HandoffMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.firstResponse = Timer.builder("casedesk.handoff.first.response")
                .description("From ticket opened to the agent's first message").publishPercentileHistogram()
                .register(registry);
        this.timeToAgent = Timer.builder("casedesk.handoff.time.to.agent")
                .description("From ticket opened to assignment to an agent").publishPercentileHistogram()
                .register(registry);
        Gauge.builder("casedesk.handoff.rate", this, m -> value(m.snapshot.get(), Snapshot::handoffRate))
                .description("Share of conversations (per day, last 30 days) handed to a person").register(registry);
        Gauge.builder("casedesk.handoff.automation.rate", this, m -> value(m.snapshot.get(), Snapshot::automationRate))
                .description("Share of conversations (per day, last 30 days) answered by the bot with no person")
                .register(registry);
        Gauge.builder("casedesk.handoff.csat.average", this, m -> value(m.snapshot.get(), Snapshot::csatAverage))
                .description("Average customer rating 1-5 (last 30 days)").register(registry);
        for (TicketState state : TicketState.values()) {
            if (state.open()) {
                Gauge.builder("casedesk.handoff.tickets.open", this, m -> {
                    Snapshot s = m.snapshot.get();
                    return s == null ? 0 : s.openByState().getOrDefault(state, 0L);
                }).tag("state", state.name().toLowerCase()).description("Open tickets").register(registry);
            }
        }
    }

    private static double value(Snapshot s, java.util.function.Function<Snapshot, Double> f) {
        Double v = s == null ? null : f.apply(s);
        return v == null ? Double.NaN : v;
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

    public void rated(int rating) {
        registry.counter("casedesk.handoff.ratings", "score", String.valueOf(rating)).increment();
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
        long conversations = number(days[0]);
        long handed = number(days[1]);
        long automated = number(days[2]);
        long ratings = number(tickets[3]);
        Snapshot fresh = new Snapshot(now, conversations, handed, automated,
                conversations == 0 ? null : (double) handed / conversations,
                conversations == 0 ? null : (double) automated / conversations,
                number(tickets[0]), decimal(tickets[1]), decimal(tickets[2]), ratings, decimal(tickets[4]),
                ratings == 0 ? null : (double) number(tickets[5]) / ratings, ratingCounts, open);
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
