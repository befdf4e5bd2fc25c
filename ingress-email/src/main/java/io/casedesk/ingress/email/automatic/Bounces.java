package io.casedesk.ingress.email.automatic;

import io.casedesk.ingress.email.mime.MailHeaders;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Delivery-status reports (RFC 3464) that tell of one of our own replies. */
public final class Bounces {

    private static final Pattern DSN_STATUS = Pattern.compile("(?im)^Status:\\s*([245]\\.\\d{1,3}\\.\\d{1,3})");
    private static final Pattern DSN_RECIPIENT =
            Pattern.compile("(?im)^Final-Recipient:\\s*rfc822\\s*;\\s*<?([^\\s<>]+@[^\\s<>]+)>?");

    private final Pattern ourMessageId;

    /** @param messageIdDomain the domain of our replies' Message-IDs ({@code <eventId@domain>}) */
    public Bounces(String messageIdDomain) {
        this.ourMessageId = Pattern.compile("<([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})@"
                + Pattern.quote(messageIdDomain) + ">", Pattern.CASE_INSENSITIVE);
    }

    static boolean isDeliveryReport(MimeMessage mime) {
        return MailHeaders.contentType(mime).match("multipart/report");
    }

    /** What the report says of our reply; empty when the mail is no report or quotes none of our Message-IDs. */
    public Optional<Failure> ofOurReply(MimeMessage mime, byte[] raw) {
        if (!isDeliveryReport(mime)) {
            return Optional.empty();
        }
        // The report quotes the bounced mail's headers; ours carry <eventId@our domain>.
        String report = new String(raw, StandardCharsets.ISO_8859_1);
        Matcher ours = ourMessageId.matcher(report);
        if (!ours.find()) {
            return Optional.empty();
        }
        Matcher recipient = DSN_RECIPIENT.matcher(report);
        Matcher status = DSN_STATUS.matcher(report);
        return Optional.of(new Failure(ours.group(1).toLowerCase(Locale.ROOT),
                recipient.find() ? recipient.group(1).toLowerCase(Locale.ROOT) : null,
                status.find() ? status.group(1) : null));
    }

    /**
     * @param outboundEventId the event id in the bounced reply's {@code Message-ID}
     * @param failedRecipient the Final-Recipient, lower-cased, or null when the report does not name it
     * @param status          the DSN status code (e.g. {@code 5.1.1}), or null
     */
    public record Failure(String outboundEventId, String failedRecipient, String status) {
    }
}
