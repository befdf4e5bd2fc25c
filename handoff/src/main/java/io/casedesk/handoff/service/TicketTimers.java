package io.casedesk.handoff.service;

import io.casedesk.handoff.config.HandoffConfig;
import io.casedesk.handoff.lifecycle.AgentActions;
import io.casedesk.handoff.lifecycle.TicketTimeouts;
import io.casedesk.handoff.model.ProcessedEvent;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.model.TicketState;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What time does to tickets, checked every {@code tick-interval} against the injectable clock: the waiting
 * notice, the inactivity timeout, the end of the rating question, and assignment of waiting tickets to
 * online agents while the firm is open. Each ticket is changed in its own transaction, so one failure holds
 * up no other ticket.
 */
@ApplicationScoped
public class TicketTimers {

    private static final Logger LOG = Logger.getLogger(TicketTimers.class);

    private final TicketTimeouts timeouts;
    private final AgentActions actions;
    private final FirmCalendar calendar;
    private final AgentPresence presence;
    private final HandoffMetrics metrics;
    private final HandoffConfig config;
    private final Clock clock;

    public TicketTimers(TicketTimeouts timeouts, AgentActions actions, FirmCalendar calendar, AgentPresence presence, HandoffMetrics metrics,
                        HandoffConfig config, Clock clock) {
        this.timeouts = timeouts;
        this.actions = actions;
        this.calendar = calendar;
        this.presence = presence;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${casedesk.handoff.tick-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runOnce();
    }

    /** One round of every check. */
    public synchronized void runOnce() {
        Instant now = clock.instant();
        boolean open = calendar.settings().hours().isOpen(now);
        if (open) {
            each(ids("select t.id from Ticket t where t.state <> ?1 and t.firstResponseAt is null "
                    + "and t.waitingNoticeAt is null and t.waitStartedAt <= ?2", TicketState.CLOSED,
                    now.minus(config.waitTimeout())), timeouts::sendWaitingNotice);
        }
        each(ids("select t.id from Ticket t where t.state = ?1 and t.lastAgentMessageAt <= ?2", TicketState.ACTIVE,
                now.minus(config.inactivityTimeout())), timeouts::closeInactive);
        each(ids("select t.id from Ticket t where t.rating.dueAt <= ?1 and t.rating.score is null", now),
                timeouts::expireRating);
        assignWaiting();
    }

    /**
     * While the firm is open, waiting tickets, most urgent and longest waiting first, go to online agents with
     * spare capacity.
     */
    public void assignWaiting() {
        if (!calendar.settings().hours().isOpen(clock.instant())) {
            return;
        }
        record Waiting(List<Ticket> tickets, Map<String, Integer> load) {
        }
        Waiting waiting = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Integer> load = new HashMap<>();
            for (Object row : Panache.getEntityManager().createQuery("select t.agent, count(t) from Ticket t "
                    + "where t.state in ?1 and t.agent is not null group by t.agent")
                    .setParameter(1, List.of(TicketState.ASSIGNED, TicketState.ACTIVE)).getResultList()) {
                Object[] r = (Object[]) row;
                load.put((String) r[0], ((Number) r[1]).intValue());
            }
            return new Waiting(Ticket.waiting(), load);
        });
        if (waiting.tickets().isEmpty()) {
            return;
        }
        List<String> online = presence.known().stream().filter(presence::isOnline).toList();
        if (online.isEmpty()) {
            return;
        }
        for (Ticket ticket : waiting.tickets()) {
            Routing.Candidate candidate = new Routing.Candidate(ticket.id, ticket.triage().intent(), ticket.language(),
                    ticket.priority, ticket.waitStartedAt);
            List<Routing.AgentLoad> agents = online.stream()
                    .map(a -> presence.load(a, waiting.load().getOrDefault(a, 0))).toList();
            Routing.pickAgent(candidate, agents).ifPresent(agent -> {
                try {
                    if (actions.assignIfWaiting(ticket.id, agent.name())) {
                        waiting.load().merge(agent.name(), 1, Integer::sum);
                    }
                } catch (RuntimeException e) {
                    LOG.warnf("Could not assign ticket %s: %s", ticket.id, e.getClass().getSimpleName());
                }
            });
        }
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "10s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshMetrics() {
        QuarkusTransaction.requiringNew().run(metrics::refresh);
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "1h", delayed = "1m")
    void forgetOldEventIds() {
        QuarkusTransaction.requiringNew().run(() ->
                ProcessedEvent.forgetBefore(clock.instant().minus(config.processedIdsRetention())));
    }

    private static List<String> ids(String query, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = Panache.getEntityManager().createQuery(query, String.class);
            for (int i = 0; i < parameters.length; i++) {
                q.setParameter(i + 1, parameters[i]);
            }
            return q.getResultList();
        });
    }

    private static void each(List<String> ticketIds, java.util.function.Consumer<String> action) {
        for (String id : ticketIds) {
            try {
                action.accept(id);
            } catch (RuntimeException e) {
                LOG.warnf("Timer action on ticket %s failed: %s", id, e.getClass().getSimpleName());
            }
        }
    }
}
