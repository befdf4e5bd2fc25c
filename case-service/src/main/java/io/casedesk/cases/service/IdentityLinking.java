package io.casedesk.cases.service;

import io.casedesk.cases.config.IdentityLinkConfig;
import io.casedesk.cases.view.IdentityView;
import io.casedesk.cases.messaging.LinkCodeEmail;
import io.casedesk.cases.model.ChannelIdentity;
import io.casedesk.cases.model.Customer;
import io.casedesk.cases.model.CustomerCase;
import io.casedesk.cases.model.IdentityChannel;
import io.casedesk.messaging.outbox.Outbox;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Links an unknown LINE user or email address to a customer (DESIGN §4): with a case number plus the
 * customer's verification secret, or plus a one-time code sent to the customer's registered email address.
 * Wrong secrets, wrong or expired codes and unknown case numbers all fail alike and take about as long
 * (a hash is always computed), so case numbers cannot be probed; too many attempts lock the identity, the case
 * number or, for sprayed guesses, every link out ({@link LinkAttemptGuard}).
 */
@ApplicationScoped
public class IdentityLinking {

    /** Identities linked by a customer's own proof, as opposed to ones owned by the import bundle. */
    static final String SOURCE_LINK = "link";
    /** The handoff reason of the ticket staff get when a case is locked against guessing. */
    public static final String STAFF_ALERT_REASON = "link_attempts_exceeded";
    /** Conversation of those tickets: no channel, so nothing is ever sent to it. */
    public static final String STAFF_ALERT_CONVERSATION_PREFIX = "security:link-guard:";
    private static final String STAFF_ALERT_NAMESPACE = "casedesk-link-guard";
    private static final int CODE_DIGITS = 6;

    /** What a link attempt came to. */
    public sealed interface LinkOutcome {
        record Linked(IdentityView identity) implements LinkOutcome {
        }

        /** The proof did not match (or the case number is unknown: the same answer). */
        record Refused() implements LinkOutcome {
        }

        /** Proven, but the identity is already a verified identity of another customer. */
        record HeldByAnotherCustomer() implements LinkOutcome {
        }

        record LockedOut(Duration retryAfter) implements LinkOutcome {
        }
    }

    /** What a code request came to; a sent code and an unknown case number look the same. */
    public sealed interface CodeRequestOutcome {
        record Accepted(Duration codeValidity) implements CodeRequestOutcome {
        }

        record LockedOut(Duration retryAfter) implements CodeRequestOutcome {
        }
    }

    /** The proof a link request carries. */
    public sealed interface Proof {
        String value();

        record Secret(String value) implements Proof {
        }

        record OneTimeCode(String value) implements Proof {
        }
    }

    private final Session session;
    private final SecretHasher hasher;
    private final LinkAttemptGuard guard;
    private final Outbox outbox;
    private final IdentityLinkConfig config;
    private final SecureRandom random = new SecureRandom();
    /** Checked against when there is nothing to check, so that a miss costs as much as a real check. */
    private final String decoyHash;

    public IdentityLinking(Session session, SecretHasher hasher, LinkAttemptGuard guard, Outbox outbox,
            IdentityLinkConfig config) {
        this.session = session;
        this.hasher = hasher;
        this.guard = guard;
        this.outbox = outbox;
        this.config = config;
        this.decoyHash = hasher.hash("decoy");
    }

    @Transactional
    public LinkOutcome link(IdentityChannel channel, String rawExternalId, String caseNumber, Proof proof) {
        String externalId = channel.normalize(rawExternalId);
        Instant now = Instant.now();
        Optional<Duration> lockedFor = guard.acquire(channel, externalId, caseNumber, now);
        if (lockedFor.isPresent()) {
            return new LinkOutcome.LockedOut(lockedFor.get());
        }
        Optional<CustomerCase> customerCase = CustomerCase.findByNumber(caseNumber);
        Optional<Customer> customer = customerCase.map(c -> c.customer);
        Optional<String> storedHash = customer.flatMap(c -> storedHash(c, channel, externalId, proof, now));
        boolean matches = hasher.matches(proof.value(), storedHash.orElse(decoyHash));
        if (storedHash.isEmpty() || !matches) {
            LinkAttemptGuard.Failure failure = guard.countFailure(channel, externalId, caseNumber, now);
            if (failure.caseLockedFirstTimeToday()) {
                customer.ifPresent(c -> askStaffToLook(caseNumber, c, now));
            }
            return new LinkOutcome.Refused();
        }
        guard.succeeded(channel, externalId, caseNumber, now);
        deleteCode(channel, externalId);
        return attach(channel, externalId, customer.get());
    }

    /**
     * Sends a fresh one-time code to the registered email address of the case's customer, replacing any earlier
     * code of this identity. The email leaves through the outbox, so it goes exactly when the code is stored.
     * Every request counts as an attempt of the identity, and a case number gets only a few code mails a day,
     * whoever asks, which keeps a customer's mailbox from being flooded.
     */
    @Transactional
    public CodeRequestOutcome requestCode(IdentityChannel channel, String rawExternalId, String caseNumber) {
        String externalId = channel.normalize(rawExternalId);
        Instant now = Instant.now();
        Optional<Duration> lockedFor = guard.acquire(channel, externalId, caseNumber, now)
                .or(() -> guard.countCodeRequest(channel, externalId, caseNumber, now));
        if (lockedFor.isPresent()) {
            return new CodeRequestOutcome.LockedOut(lockedFor.get());
        }
        String code = newCode();
        // Hashed whether or not it is sent: an unknown case number takes as long as a known one.
        String codeHash = hasher.hash(code);
        CustomerCase.findByNumber(caseNumber).map(c -> c.customer)
                .filter(customer -> customer.email != null && !customer.email.isBlank())
                .ifPresent(customer -> {
                    storeCode(channel, externalId, customer, codeHash, now.plus(config.codeValidity()));
                    var email = LinkCodeEmail.of(config.mailbox(), customer.email, customer.language, code,
                            config.codeValidity());
                    outbox.add(Topics.OUTBOUND_EMAIL, Envelope.of(UUID.randomUUID().toString(), now,
                            ConversationIds.email(config.mailbox(), customer.email), null, null, email));
                });
        return new CodeRequestOutcome.Accepted(config.codeValidity());
    }

    /**
     * Someone keeps guessing this case's secret or code, from however many identities: a ticket for staff (through
     * handoff, as any request for a person), once a day per case, in its own conversation so that no customer's
     * conversation is taken from the bot. The customer is named; the guesses are not.
     */
    private void askStaffToLook(String caseNumber, Customer customer, Instant now) {
        String day = now.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        String eventId = EventIds.derive(STAFF_ALERT_NAMESPACE, caseNumber + "/" + day);
        outbox.add(Topics.HANDOFF, Envelope.of(eventId, now, STAFF_ALERT_CONVERSATION_PREFIX + caseNumber, null, null,
                new HandoffRequest(STAFF_ALERT_REASON, null, customer.ref, null)));
    }

    /** The hash the proof must match: the customer's secret, or the identity's unexpired code for this customer. */
    private Optional<String> storedHash(Customer customer, IdentityChannel channel, String externalId, Proof proof,
            Instant now) {
        if (proof instanceof Proof.Secret) {
            return Optional.ofNullable(customer.verificationSecretHash);
        }
        return Optional.ofNullable(session.createNativeQuery("""
                        select code_hash from identity_link_codes
                         where channel = :channel and external_id = :externalId
                           and customer_id = :customerId and expires_at > :now""", String.class)
                .setParameter("channel", channel.wireName())
                .setParameter("externalId", externalId)
                .setParameter("customerId", customer.id)
                .setParameter("now", now, Instant.class)
                .getSingleResultOrNull());
    }

    private LinkOutcome attach(IdentityChannel channel, String externalId, Customer customer) {
        ChannelIdentity identity = ChannelIdentity.findWithCustomer(channel, externalId).orElse(null);
        if (identity == null) {
            identity = new ChannelIdentity();
            identity.channel = channel.wireName();
            identity.externalId = externalId;
            identity.customer = customer;
            identity.source = SOURCE_LINK;
            identity.verified = true;
            identity.persist();
        } else if (!identity.customer.id.equals(customer.id)) {
            if (identity.verified) {
                return new LinkOutcome.HeldByAnotherCustomer();
            }
            identity.customer = customer;
            identity.source = SOURCE_LINK;
            identity.verified = true;
        } else {
            identity.verified = true;
        }
        return new LinkOutcome.Linked(IdentityView.of(identity));
    }

    private void storeCode(IdentityChannel channel, String externalId, Customer customer, String codeHash,
            Instant expiresAt) {
        session.createNativeMutationQuery("""
                        insert into identity_link_codes (channel, external_id, customer_id, code_hash, expires_at)
                        values (:channel, :externalId, :customerId, :codeHash, :expiresAt)
                        on conflict (channel, external_id) do update
                           set customer_id = excluded.customer_id, code_hash = excluded.code_hash,
                               expires_at = excluded.expires_at""")
                .setParameter("channel", channel.wireName())
                .setParameter("externalId", externalId)
                .setParameter("customerId", customer.id)
                .setParameter("codeHash", codeHash)
                .setParameter("expiresAt", expiresAt, Instant.class)
                .executeUpdate();
    }

    private void deleteCode(IdentityChannel channel, String externalId) {
        session.createNativeMutationQuery(
                        "delete from identity_link_codes where channel = :channel and external_id = :externalId")
                .setParameter("channel", channel.wireName())
                .setParameter("externalId", externalId)
                .executeUpdate();
    }

    private String newCode() {
        return String.format("%0" + CODE_DIGITS + "d", random.nextInt((int) Math.pow(10, CODE_DIGITS)));
    }
}
