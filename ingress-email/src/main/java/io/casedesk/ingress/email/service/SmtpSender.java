package io.casedesk.ingress.email.service;

import io.casedesk.schema.DeliveryStatus;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sends mail over SMTP (Quarkus Mailer) and says how it went; a failed send is an outcome, not an exception. */
@ApplicationScoped
public class SmtpSender {

    private static final Logger LOG = Logger.getLogger(SmtpSender.class);
    private static final Pattern SMTP_REPLY_CODE = Pattern.compile("\\b[45]\\d\\d\\b");

    /** @param detail a short reason for a failure that names no address and quotes no text */
    public record Outcome(DeliveryStatus status, String detail) {
    }

    private final Mailer mailer;

    SmtpSender(Mailer mailer) {
        this.mailer = mailer;
    }

    public Outcome send(Mail mail) {
        try {
            mailer.send(mail);
            return new Outcome(DeliveryStatus.SENT, null);
        } catch (RuntimeException e) {
            String detail = describe(e);
            LOG.warnf("SMTP send failed: %s", detail);
            return new Outcome(DeliveryStatus.FAILED, detail);
        }
    }

    /** The failure's type and SMTP reply code: server messages can quote the recipient's address. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        Matcher code = SMTP_REPLY_CODE.matcher(String.valueOf(root.getMessage()));
        return root.getClass().getSimpleName() + (code.find() ? " " + code.group() : "");
    }
}
