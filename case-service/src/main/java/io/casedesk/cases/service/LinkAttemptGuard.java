package io.casedesk.cases.service;

import io.casedesk.cases.config.IdentityLinkConfig;
import io.casedesk.cases.model.IdentityChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts unsuccessful link attempts per identity and locks an identity out after too many, so that neither
 * verification secrets nor one-time codes can be guessed. Callers first {@link #acquire} the identity's guard
 * row, which stays locked until their transaction ends: parallel attempts for one identity are counted one
 * after the other and cannot slip past the limit together.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LinkAttemptGuard {

    private final Session session;
    private final IdentityLinkConfig config;

    public LinkAttemptGuard(Session session, IdentityLinkConfig config) {
        this.session = session;
        this.config = config;
    }

    /** Locks the identity's guard row for this transaction; the time left when the identity is locked out. */
    public Optional<Duration> acquire(IdentityChannel channel, String externalId, Instant now) {
        session.createNativeMutationQuery("""
                        insert into identity_link_guards (channel, external_id, window_started_at)
                        values (:channel, :externalId, :now) on conflict do nothing""")
                .setParameter("channel", channel.wireName())
                .setParameter("externalId", externalId)
                .setParameter("now", now, Instant.class)
                .executeUpdate();
        Instant lockedUntil = session.createNativeQuery("""
                        select locked_until from identity_link_guards
                         where channel = :channel and external_id = :externalId for update""", Instant.class)
                .setParameter("channel", channel.wireName())
                .setParameter("externalId", externalId)
                .getSingleResultOrNull();
        return lockedUntil != null && lockedUntil.isAfter(now)
                ? Optional.of(Duration.between(now, lockedUntil))
                : Optional.empty();
    }

    /**
     * Counts an unsuccessful attempt; the one that reaches the limit within the window locks the identity out.
     * Needs {@link #acquire} first in the same transaction.
     */
    public void countAttempt(IdentityChannel channel, String externalId, Instant now) {
        session.createNativeMutationQuery("""
                        update identity_link_guards
                           set attempts          = case when window_started_at < :windowStart then 1 else attempts + 1 end,
                               window_started_at = case when window_started_at < :windowStart then :now
                                                        else window_started_at end
                         where channel = :channel and external_id = :externalId""")
                .setParameter("windowStart", now.minus(config.attemptWindow()), Instant.class)
                .setParameter("now", now, Instant.class)
                .setParameter("channel", channel.wireName())
                .setParameter("externalId", externalId)
                .executeUpdate();
        session.createNativeMutationQuery("""
                        update identity_link_guards
                           set locked_until = :lockedUntil, attempts = 0, window_started_at = :now
                         where channel = :channel and external_id = :externalId and attempts >= :maxAttempts""")
                .setParameter("lockedUntil", now.plus(config.lockout()), Instant.class)
                .setParameter("now", now, Instant.class)
                .setParameter("channel", channel.wireName())
                .setParameter("externalId", externalId)
                .setParameter("maxAttempts", config.maxAttempts())
                .executeUpdate();
    }

    /** A successful link starts the count afresh. */
    public void reset(IdentityChannel channel, String externalId) {
        session.createNativeMutationQuery(
                        "delete from identity_link_guards where channel = :channel and external_id = :externalId")
                .setParameter("channel", channel.wireName())
                .setParameter("externalId", externalId)
                .executeUpdate();
    }
}
