package io.casedesk.ingress.email.service;

import io.casedesk.ingress.email.config.EmailConfig;
import io.casedesk.schema.DeliveryStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends mail over SMTP (Quarkus Mailer) and says how it went; a failed send is an outcome, not an exception.
 * Transient failures are tried again with exponential backoff (SmallRye Fault Tolerance, settings in
 * {@link EmailConfig.Smtp.Retry}); a permanent one, or the last transient one, is the outcome.
 */
@ApplicationScoped
public class SmtpSender {

    private static final Logger LOG = Logger.getLogger(SmtpSender.class);

    /** @param detail a short reason for a failure that names no address and quotes no text */
    public record Outcome(DeliveryStatus status, String detail) {
    }

    private final Mailer mailer;
    /** {@code null} when no retries are configured: then a mail is tried once. */
    private final Guard retry;

    @Inject
    SmtpSender(Mailer mailer, EmailConfig config, MeterRegistry registry) {
        this(mailer, config.smtp().retry().maxRetries() > 0
                ? retryGuard(config.smtp().retry(), registry.counter("casedesk.email.smtp.retries"))
                : null);
    }

    /** Tries each mail once. */
    SmtpSender(Mailer mailer) {
        this(mailer, null);
    }

    private SmtpSender(Mailer mailer, Guard retry) {
        this.mailer = mailer;
        this.retry = retry;
    }

    public Outcome send(Mail mail) {
        AtomicInteger attempts = new AtomicInteger();
        try {
            if (retry == null) {
                attempt(mail, attempts);
            } else {
                retry.get(() -> attempt(mail, attempts), Void.class);
            }
            return new Outcome(DeliveryStatus.SENT, null);
        } catch (SmtpFailure failure) {
            String detail = attempts.get() > 1 ? failure.detail() + "; " + attempts.get() + " attempts" : failure.detail();
            LOG.warnf("SMTP send failed (%s): %s", failure.isTransient() ? "transient" : "permanent", detail);
            return new Outcome(DeliveryStatus.FAILED, detail);
        }
    }

    private Void attempt(Mail mail, AtomicInteger attempts) {
        attempts.incrementAndGet();
        try {
            mailer.send(mail);
            return null;
        } catch (RuntimeException e) {
            throw SmtpFailure.of(e);
        }
    }

    /**
     * Blocking retries on the caller's thread (the single sender thread): the next record waits, which keeps
     * the records of a conversation in order; {@code max-retries} bounds the wait.
     */
    private static Guard retryGuard(EmailConfig.Smtp.Retry config, Counter retries) {
        return Guard.create()
                .withDescription("smtp-send")
                .withRetry()
                .maxRetries(config.maxRetries())
                .delay(config.initialDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                // The retry count bounds the attempts; the default 3-minute cap would cut long configured backoffs.
                .maxDuration(1, ChronoUnit.DAYS)
                .whenException(failure -> failure instanceof SmtpFailure smtp && smtp.isTransient())
                .beforeRetry(failure -> {
                    retries.increment();
                    LOG.infof("SMTP send failed (%s); trying again", ((SmtpFailure) failure).detail());
                })
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(config.maxDelay().toMillis(), ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
    }
}
