package io.casedesk.ingress.email.inbound;

import io.casedesk.ingress.email.automatic.AutomaticMail;
import io.casedesk.ingress.email.automatic.Bounces;
import io.casedesk.ingress.email.mime.LenientMime;
import io.casedesk.ingress.email.mime.MailHeaders;
import io.casedesk.ingress.email.mime.MailLimits;
import io.casedesk.ingress.email.mime.MimeBody;
import io.casedesk.schema.Channel;
import io.casedesk.schema.EmailSource;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.MessageKind;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Raw RFC 5322 mail to {@link ParsedMail}. Pure: no I/O beyond the given bytes, never throws for bad mail
 * (a mail that cannot be read is {@link ParsedMail.Quarantined} with a reason).
 */
public final class InboundMails {

    private final String mailbox;
    private final MailLimits limits;
    private final Bounces bounces;

    /**
     * @param mailbox         the support address this mail arrived at
     * @param messageIdDomain the domain of our own replies' Message-IDs ({@code <eventId@domain>})
     */
    public InboundMails(String mailbox, String messageIdDomain, MailLimits limits) {
        this.mailbox = mailbox.trim().toLowerCase(Locale.ROOT);
        this.limits = limits;
        this.bounces = new Bounces(messageIdDomain);
    }

    public ParsedMail parse(byte[] raw, Instant receivedAt) {
        String fallbackId = MailHeaders.hashMessageId(raw);
        if (raw.length > limits.maxBytes()) {
            return new ParsedMail.Quarantined("too large: " + raw.length + " bytes", fallbackId);
        }
        String messageId = fallbackId;
        try {
            MimeMessage mime = LenientMime.message(raw);
            messageId = MailHeaders.messageId(mime, fallbackId);
            return parse(mime, raw, messageId, receivedAt);
        } catch (MailLimits.Exceeded e) {
            return new ParsedMail.Quarantined(e.getMessage(), messageId);
        } catch (MessagingException | IOException | RuntimeException e) {
            return new ParsedMail.Quarantined("unreadable: " + e.getClass().getSimpleName(), messageId);
        }
    }

    private ParsedMail parse(MimeMessage mime, byte[] raw, String messageId, Instant receivedAt)
            throws MessagingException, IOException {
        String from = MailHeaders.firstAddress(mime.getHeader("From", ","));
        Optional<Bounces.Failure> bounce = bounces.ofOurReply(mime, raw);
        if (bounce.isPresent()) {
            Bounces.Failure failure = bounce.get();
            return new ParsedMail.Bounce(failure.outboundEventId(), failure.failedRecipient(), failure.status(),
                    messageId);
        }
        if (from == null) {
            return new ParsedMail.Quarantined("no sender address", messageId);
        }
        MimeBody body = MimeBody.read(mime, limits);
        String text = body.text();
        if (text.isBlank() && body.attachments().isEmpty()) {
            return new ParsedMail.Quarantined("no readable text", messageId);
        }
        String autoReason = AutomaticMail.reason(mime);
        MessageKind kind = autoReason != null ? MessageKind.OTHER : text.isBlank() ? MessageKind.FILE : MessageKind.TEXT;
        String replyTo = MailHeaders.firstAddress(mime.getHeader("Reply-To", ","));
        EmailSource source = new EmailSource(mailbox, from, MailHeaders.displayName(mime.getHeader("From", ",")),
                from.equals(replyTo) ? null : replyTo, MailHeaders.subject(mime), messageId,
                MailHeaders.firstMessageId(mime.getHeader("In-Reply-To", " ")),
                MailHeaders.allMessageIds(mime.getHeader("References", " ")));
        InboundMessage message = new InboundMessage(Channel.EMAIL, kind, from, source.fromName(), null, text,
                body.attachments(), receivedAt, null, source);
        return new ParsedMail.Inbound(message, autoReason);
    }
}
