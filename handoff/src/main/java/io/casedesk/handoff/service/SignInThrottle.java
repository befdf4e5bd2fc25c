package io.casedesk.handoff.service;

import io.quarkus.arc.Unremovable;
import io.quarkus.elytron.security.runtime.ElytronPasswordIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttles the inbox's form sign-in (the configured users' passwords): after too many wrong passwords for one user
 * name, or from one client address, sign-in is refused for a while, the right password included, each further
 * lockout of a day twice as long. It checks before the password is, and counts each wrong one, by wrapping the
 * configured users' identity provider (asked first, it answers for it).
 * <p>
 * Counts are kept in this instance's memory: a restart forgets them and several instances count apart, which still
 * leaves a guesser a handful of tries per lockout and instance. OIDC sign-in (production) is the identity provider's
 * to throttle.
 */
@ApplicationScoped
@Unremovable
public class SignInThrottle implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class);
    private static final Duration DAY = Duration.ofDays(1);
    /** Beyond this many tracked names and addresses, those quiet for a day are dropped first. */
    private static final int MAX_TRACKED = 10_000;

    private final ElytronPasswordIdentityProvider passwords;
    private final Clock clock;
    private final int maxFailuresPerUser;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Duration lockout;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /** Failures of one user name or address in the current window, and its lockouts of the day. */
    private static final class Counter {
        int failures;
        Instant windowStartedAt;
        Instant lockedUntil;
        int dayLockouts;
        Instant dayStartedAt;

        Counter(Instant now) {
            windowStartedAt = now;
            dayStartedAt = now;
        }
    }

    public SignInThrottle(ElytronPasswordIdentityProvider passwords, Clock clock,
            @ConfigProperty(name = "casedesk.handoff.sign-in.max-failures-per-user", defaultValue = "5") int maxFailuresPerUser,
            @ConfigProperty(name = "casedesk.handoff.sign-in.max-failures-per-address", defaultValue = "20") int maxFailuresPerAddress,
            @ConfigProperty(name = "casedesk.handoff.sign-in.window", defaultValue = "PT15M") Duration window,
            @ConfigProperty(name = "casedesk.handoff.sign-in.lockout", defaultValue = "PT15M") Duration lockout) {
        this.passwords = passwords;
        this.clock = clock;
        this.maxFailuresPerUser = maxFailuresPerUser;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.lockout = lockout;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Before the configured users' provider (whose priority is the default, 1001), which it calls itself. */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String user = "user:" + String.valueOf(request.getUsername()).toLowerCase(Locale.ROOT);
        String address = "address:" + clientAddress(request);
        Instant now = clock.instant();
        if (locked(user, now) || locked(address, now)) {
            LOG.info("Sign-in refused: too many wrong passwords for this user name or from this address");
            return Uni.createFrom().failure(new AuthenticationFailedException("too many failed sign-ins"));
        }
        return passwords.authenticate(request, context)
                .onItem().invoke(identity -> succeeded(user))
                .onFailure().invoke(failure -> {
                    Instant at = clock.instant();
                    fail(user, maxFailuresPerUser, at);
                    fail(address, maxFailuresPerAddress, at);
                });
    }

    /** The right password starts the user's count afresh; the day's lockouts still count towards the next one. */
    private synchronized void succeeded(String key) {
        Counter counter = counters.get(key);
        if (counter != null) {
            counter.failures = 0;
        }
    }

    /** Locked until a time in the next day at most: one further ahead was set before the clock went back. */
    private boolean locked(String key, Instant now) {
        Counter counter = counters.get(key);
        synchronized (this) {
            return counter != null && counter.lockedUntil != null && counter.lockedUntil.isAfter(now)
                    && !counter.lockedUntil.isAfter(now.plus(DAY));
        }
    }

    private synchronized void fail(String key, int maxFailures, Instant now) {
        if (counters.size() >= MAX_TRACKED) {
            counters.values().removeIf(c -> c.dayStartedAt.plus(DAY).isBefore(now)
                    && (c.lockedUntil == null || c.lockedUntil.isBefore(now)));
        }
        Counter counter = counters.computeIfAbsent(key, k -> new Counter(now));
        if (!now.isBefore(counter.dayStartedAt.plus(DAY))) {
            counter.dayStartedAt = now;
            counter.dayLockouts = 0;
        }
        if (counter.windowStartedAt.isBefore(now.minus(window))) {
            counter.windowStartedAt = now;
            counter.failures = 0;
        }
        if (++counter.failures >= maxFailures) {
            Duration lockedFor = lockout;
            for (int i = 0; i < counter.dayLockouts && lockedFor.compareTo(DAY) < 0; i++) {
                lockedFor = lockedFor.multipliedBy(2);
            }
            counter.lockedUntil = now.plus(lockedFor.compareTo(DAY) > 0 ? DAY : lockedFor);
            counter.dayLockouts++;
            counter.failures = 0;
            counter.windowStartedAt = now;
        }
    }

    private static String clientAddress(UsernamePasswordAuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        return routing == null || routing.request().remoteAddress() == null ? "unknown"
                : routing.request().remoteAddress().host();
    }
}
