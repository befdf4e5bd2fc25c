package io.casedesk.ingress.email.reply;

import io.casedesk.schema.Envelope;
import io.casedesk.schema.OutboundEmailMessage;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.privacy.PersonalDataRedactor;
import io.quarkus.mailer.Mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The email for an outbound event: a reply in the customer's thread, marked as automatic, with a
 * {@code Message-ID} derived from the event id so that a resend is recognisable.
 */
public final class ReplyMails {

    private static final String REPLY_PREFIX = "Re: ";

    /** Reply markers mail clients put in front of a subject, repeated or not: "Re:", "RE[2]:", "回覆：". */
    private static final Pattern REPLY_MARKERS =
            Pattern.compile("^(\\s*(re(\\[\\d+])?|回覆|回复|答复)\\s*[:：]\\s*)+", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINE_BREAKS = Pattern.compile("\\R");

    public static Mail toMail(Envelope<OutboundEmailMessage> outbound, String messageIdDomain) {
        OutboundEmailMessage email = outbound.payload();
        if (email.text() == null || email.text().isBlank()) {
            throw new IllegalArgumentException("Outbound email " + outbound.eventId() + " has no text");
        }
        boolean reply = email.inReplyTo() != null && !email.inReplyTo().isBlank();
        String quote = quote(email.quotedText());
        // RFC 3834: an answer to a customer's mail is auto-replied; a message nobody wrote to us first (a
        // verification code) is auto-generated and keeps its own subject.
        Mail mail = Mail.withText(recipient(email.to()), reply ? subject(email.subject()) : ownSubject(email.subject()),
                        body(email.text(), quote))
                .setHtml(htmlBody(email.text(), quote))
                .addHeader("Message-ID", messageId(outbound.eventId(), messageIdDomain))
                .addHeader("Auto-Submitted", reply ? "auto-replied" : "auto-generated")
                // The answer continues the trace of the message it answers (W3C Trace Context as a mail header).
                .addHeader(TraceContext.HEADER, TraceContext.childOf(outbound.traceparent()).traceparent());
        if (email.mailbox() != null && !email.mailbox().isBlank()) {
            mail.setFrom(headerValue(email.mailbox(), "mailbox"));
        }
        if (reply) {
            mail.addHeader("In-Reply-To", headerValue(email.inReplyTo(), "inReplyTo"));
        }
        String references = references(email.references(), email.inReplyTo());
        if (!references.isEmpty()) {
            mail.addHeader("References", references);
        }
        return mail;
    }

    /** {@code <eventId@domain>}: the same outbound event always gets the same id. */
    public static String messageId(String eventId, String domain) {
        return "<" + eventId + "@" + domain + ">";
    }

    /** Exactly one "Re: " in front of the original subject, whatever reply markers it already had. */
    static String subject(String original) {
        String oneLine = original == null ? "" : LINE_BREAKS.matcher(original).replaceAll(" ");
        return (REPLY_PREFIX + REPLY_MARKERS.matcher(oneLine).replaceFirst("").trim()).trim();
    }

    /** The subject of a message that answers nothing, on one line. */
    static String ownSubject(String original) {
        return original == null ? "" : LINE_BREAKS.matcher(original).replaceAll(" ").trim();
    }

    /**
     * The customer's text as it is quoted under an answer: with ID, card, account and phone numbers and email
     * addresses replaced by placeholders, since an answer never carries them back out (a mail is copied, forwarded
     * and kept in more places than the customer's own mailbox).
     */
    static String quote(String quotedText) {
        return quotedText == null ? null : PersonalDataRedactor.redact(quotedText);
    }

    /** The answer, then the customer's text quoted below it ("> " lines). */
    static String body(String text, String quotedText) {
        if (quotedText == null || quotedText.isBlank()) {
            return text;
        }
        String quoted = LINE_BREAKS.splitAsStream(quotedText.strip())
                .map(line -> line.isEmpty() ? ">" : "> " + line)
                .collect(Collectors.joining("\n"));
        return text.stripTrailing() + "\n\n" + quoted + "\n";
    }

    /**
     * The same answer as HTML, for mail programs that show only that part: the text escaped, line breaks
     * kept, the customer's message in a blockquote below it.
     */
    static String htmlBody(String text, String quotedText) {
        StringBuilder html = new StringBuilder("<div style=\"white-space: pre-wrap\">")
                .append(escapeHtml(text.strip())).append("</div>");
        if (quotedText != null && !quotedText.isBlank()) {
            html.append("<blockquote style=\"margin: 1em 0 0 0; padding-left: 1em; border-left: 2px solid #ccc;"
                    + " white-space: pre-wrap\">").append(escapeHtml(quotedText.strip())).append("</blockquote>");
        }
        return html.toString();
    }

    private static String escapeHtml(String text) {
        return org.jsoup.nodes.Entities.escape(text);
    }

    /** The thread's chain with the answered message last (RFC 5322 §3.6.4). */
    static String references(List<String> references, String inReplyTo) {
        List<String> chain = new ArrayList<>();
        references.forEach(id -> chain.add(headerValue(id, "references")));
        if (inReplyTo != null && !inReplyTo.isBlank() && !chain.contains(inReplyTo.trim())) {
            chain.add(headerValue(inReplyTo, "inReplyTo"));
        }
        return String.join(" ", chain);
    }

    private static String recipient(String to) {
        String address = headerValue(to, "to");
        if (!address.contains("@")) {
            throw new IllegalArgumentException("Recipient is not an email address");
        }
        return address;
    }

    /** A header value must stay on one line: a line break would let a value add headers of its own. */
    private static String headerValue(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Outbound email field '" + field + "' is empty");
        }
        if (LINE_BREAKS.matcher(value).find()) {
            throw new IllegalArgumentException("Outbound email field '" + field + "' contains a line break");
        }
        return value.trim();
    }

    private ReplyMails() {
    }
}
