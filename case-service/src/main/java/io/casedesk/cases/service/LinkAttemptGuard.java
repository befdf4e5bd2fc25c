package io.casedesk.cases.service;

import io.casedesk.cases.config.IdentityLinkConfig;
import io.casedesk.cases.model.IdentityChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Limits link attempts so that neither verification secrets nor one-time codes can be guessed, at three levels:
 * per identity (a LINE user or email address, which an attacker can replace at will), per case number (whichever
 * identity tries: this bounds an attacker with unlimited identities) and for the whole firm (this bounds guesses
 * sprayed over many case numbers). Each level locks out after too many failures in a short window, each further
 * lockout of a day twice as long as the one before, and a day's failures are capped per case and for the firm.
 * A case number is counted the same whether it exists or not, so lockouts do not tell which ones do.
 * <p>
 * Callers first {@link #acquire} the guard rows, which stay locked until their transaction ends, always in the same
 * order (firm, case, identity): parallel attempts are counted one after the other and cannot slip past a limit.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LinkAttemptGuard {

    private static final Duration DAY = Duration.ofDays(1);
    private static final String FIRM = "*";

    /** A level at which attempts are counted. */
    public enum Scope {
        GLOBAL, CASE, IDENTITY;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What a failed attempt came to: the levels it locked, and whether it locked the case for the first time today. */
    public record Failure(List<Scope> locked, boolean caseLockedFirstTimeToday) {
    }

    private record Policy(int maxFailures, Duration window, Duration lockout, int maxFailuresPerDay) {
    }

    /** One guard row, read under its lock and written back. */
    private static final class Guard {
        Scope scope;
        String subject;
        int attempts;
        Instant windowStartedAt;
        Instant lockedUntil;
        Instant dayStartedAt;
        int dayLockouts;
        int dayFailures;
        int dayCodes;

        Optional<Duration> lockedFor(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now) ? Optional.of(Duration.between(now, lockedUntil))
                    : Optional.empty();
        }

        void rollDay(Instant now) {
            if (!now.isBefore(dayStartedAt.plus(DAY))) {
                dayStartedAt = now;
                dayLockouts = 0;
                dayFailures = 0;
                dayCodes = 0;
            }
        }
    }

    private final Session session;
    private final IdentityLinkConfig config;
    private final Map<Scope, Policy> policies = new EnumMap<>(Scope.class);
    private final Map<Scope, Counter> lockouts = new EnumMap<>(Scope.class);

    public LinkAttemptGuard(Session session, IdentityLinkConfig config, MeterRegistry registry) {
        this.session = session;
        this.config = config;
        policies.put(Scope.IDENTITY, new Policy(config.maxAttempts(), config.attemptWindow(), config.lockout(),
                Integer.MAX_VALUE));
        policies.put(Scope.CASE, policy(config.perCase()));
        policies.put(Scope.GLOBAL, policy(config.global()));
        for (Scope scope : Scope.values()) {
            lockouts.put(scope, Counter.builder("casedesk.identity.link.lockouts")
                    .description("Lockouts after too many failed link attempts; scope case means someone keeps "
                            + "guessing one case's secret (staff get a ticket), global that guesses are sprayed")
                    .tag("scope", scope.column())
                    .register(registry));
        }
    }

    private static Policy policy(IdentityLinkConfig.Limits limits) {
        return new Policy(limits.maxFailures(), limits.window(), limits.lockout(), limits.maxFailuresPerDay());
    }

    /**
     * Locks the guard rows of the firm, the case number and the identity for this transaction; the longest time
     * left when any of them is locked out.
     */
    public Optional<Duration> acquire(IdentityChannel channel, String externalId, String caseNumber, Instant now) {
        return guards(channel, externalId, caseNumber, now).stream()
                .flatMap(guard -> guard.lockedFor(now).stream())
                .max(Duration::compareTo);
    }

    /** Counts a failed link on every level; needs {@link #acquire} first in the same transaction. */
    public Failure countFailure(IdentityChannel channel, String externalId, String caseNumber, Instant now) {
        List<Scope> locked = new java.util.ArrayList<>();
        boolean caseFirstToday = false;
        for (Guard guard : guards(channel, externalId, caseNumber, now)) {
            int lockoutsBefore = guard.dayLockouts;
            if (fail(guard, policies.get(guard.scope), now)) {
                locked.add(guard.scope);
                lockouts.get(guard.scope).increment();
                caseFirstToday |= guard.scope == Scope.CASE && lockoutsBefore == 0;
            }
            save(guard);
        }
        return new Failure(List.copyOf(locked), caseFirstToday);
    }

    /**
     * Counts a code request: an attempt of the identity (a code is a chance to guess), and one of the case number's
     * code mails for the day. The time until the case number may have another code mail, when today's are used up
     * (nothing is counted then).
     */
    public Optional<Duration> countCodeRequest(IdentityChannel channel, String externalId, String caseNumber,
            Instant now) {
        List<Guard> guards = guards(channel, externalId, caseNumber, now);
        Guard caseGuard = guards.get(1);
        caseGuard.rollDay(now);
        if (caseGuard.dayCodes >= config.maxCodeMailsPerCaseAndDay()) {
            return Optional.of(Duration.between(now, caseGuard.dayStartedAt.plus(DAY)));
        }
        caseGuard.dayCodes++;
        save(caseGuard);
        Guard identityGuard = guards.get(2);
        if (fail(identityGuard, policies.get(Scope.IDENTITY), now)) {
            lockouts.get(Scope.IDENTITY).increment();
        }
        save(identityGuard);
        return Optional.empty();
    }

    /** A successful link: the identity starts afresh, the case number's short window too (not its day). */
    public void succeeded(IdentityChannel channel, String externalId, String caseNumber, Instant now) {
        session.createNativeMutationQuery("delete from link_guards where scope = 'identity' and subject = :subject")
                .setParameter("subject", identitySubject(channel, externalId))
                .executeUpdate();
        session.createNativeMutationQuery("""
                        update link_guards set attempts = 0, window_started_at = :now
                         where scope = 'case' and subject = :subject""")
                .setParameter("subject", caseNumber)
                .setParameter("now", now, Instant.class)
                .executeUpdate();
    }

    /** Rows of identities and case numbers that were quiet for a day are of no use any more. */
    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeQuietGuards() {
        Instant now = Instant.now();
        session.createNativeMutationQuery("""
                        delete from link_guards where scope <> 'global' and day_started_at < :dayAgo
                           and (locked_until is null or locked_until < :now)""")
                .setParameter("dayAgo", now.minus(DAY), Instant.class)
                .setParameter("now", now, Instant.class)
                .executeUpdate();
    }

    /** Counts one failure; true when it locked the guard. */
    private boolean fail(Guard guard, Policy policy, Instant now) {
        guard.rollDay(now);
        if (guard.windowStartedAt.isBefore(now.minus(policy.window()))) {
            guard.attempts = 0;
            guard.windowStartedAt = now;
        }
        guard.attempts++;
        guard.dayFailures++;
        Instant lockedUntil;
        if (guard.dayFailures >= policy.maxFailuresPerDay()) {
            lockedUntil = guard.dayStartedAt.plus(DAY);
        } else if (guard.attempts >= policy.maxFailures()) {
            lockedUntil = now.plus(lockout(policy.lockout(), guard.dayLockouts));
        } else {
            return false;
        }
        guard.lockedUntil = guard.lockedUntil != null && guard.lockedUntil.isAfter(lockedUntil) ? guard.lockedUntil
                : lockedUntil;
        guard.dayLockouts++;
        guard.attempts = 0;
        guard.windowStartedAt = now;
        return true;
    }

    /** {@code first}, doubled for each earlier lockout of the day, at most {@code max-lockout}. */
    private Duration lockout(Duration first, int earlierLockouts) {
        Duration lockout = first;
        for (int i = 0; i < earlierLockouts && lockout.compareTo(config.maxLockout()) < 0; i++) {
            lockout = lockout.multipliedBy(2);
        }
        return lockout.compareTo(config.maxLockout()) > 0 ? config.maxLockout() : lockout;
    }

    /** The firm's, the case number's and the identity's rows, created when missing, locked in that order. */
    private List<Guard> guards(IdentityChannel channel, String externalId, String caseNumber, Instant now) {
        return List.of(guard(Scope.GLOBAL, FIRM, now), guard(Scope.CASE, caseNumber, now),
                guard(Scope.IDENTITY, identitySubject(channel, externalId), now));
    }

    private Guard guard(Scope scope, String subject, Instant now) {
        session.createNativeMutationQuery("""
                        insert into link_guards (scope, subject, window_started_at, day_started_at)
                        values (:scope, :subject, :now, :now) on conflict do nothing""")
                .setParameter("scope", scope.column())
                .setParameter("subject", subject)
                .setParameter("now", now, Instant.class)
                .executeUpdate();
        Object[] row = session.createNativeQuery("""
                        select attempts, window_started_at, locked_until, day_started_at, day_lockouts, day_failures,
                               day_codes
                          from link_guards where scope = :scope and subject = :subject for update""", Object[].class)
                .setParameter("scope", scope.column())
                .setParameter("subject", subject)
                .getSingleResult();
        Guard guard = new Guard();
        guard.scope = scope;
        guard.subject = subject;
        guard.attempts = ((Number) row[0]).intValue();
        guard.windowStartedAt = instant(row[1]);
        guard.lockedUntil = instant(row[2]);
        guard.dayStartedAt = instant(row[3]);
        guard.dayLockouts = ((Number) row[4]).intValue();
        guard.dayFailures = ((Number) row[5]).intValue();
        guard.dayCodes = ((Number) row[6]).intValue();
        return guard;
    }

    private void save(Guard guard) {
        session.createNativeMutationQuery("""
                        update link_guards
                           set attempts = :attempts, window_started_at = :windowStartedAt, locked_until = :lockedUntil,
                               day_started_at = :dayStartedAt, day_lockouts = :dayLockouts, day_failures = :dayFailures,
                               day_codes = :dayCodes
                         where scope = :scope and subject = :subject""")
                .setParameter("attempts", guard.attempts)
                .setParameter("windowStartedAt", guard.windowStartedAt, Instant.class)
                .setParameter("lockedUntil", guard.lockedUntil, Instant.class)
                .setParameter("dayStartedAt", guard.dayStartedAt, Instant.class)
                .setParameter("dayLockouts", guard.dayLockouts)
                .setParameter("dayFailures", guard.dayFailures)
                .setParameter("dayCodes", guard.dayCodes)
                .setParameter("scope", guard.scope.column())
                .setParameter("subject", guard.subject)
                .executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
    }

    private static String identitySubject(IdentityChannel channel, String externalId) {
        return channel.wireName() + ":" + externalId;
    }
}
