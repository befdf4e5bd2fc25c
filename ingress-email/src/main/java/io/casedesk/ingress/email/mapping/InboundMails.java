package io.casedesk.ingress.email.mapping;

import io.casedesk.schema.Attachment;
import io.casedesk.schema.Channel;
import io.casedesk.schema.EmailSource;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.MessageKind;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw RFC 5322 mail to {@link ParsedMail}. Pure: no I/O beyond the given bytes, never throws for bad mail
 * (a mail that cannot be read is {@link ParsedMail.Quarantined} with a reason).
 */
public final class InboundMails {

    /** Jakarta Mail as forgiving as it goes: real mail breaks every rule. */
    private static final Session LENIENT;

    static {
        // MimeUtility reads some of its switches from system properties only, never from the session.
        Properties properties = lenientProperties();
        properties.forEach((key, value) -> System.getProperties().putIfAbsent(key, value));
        LENIENT = Session.getInstance(properties);
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");
    private static final Pattern DSN_STATUS = Pattern.compile("(?im)^Status:\\s*([245]\\.\\d{1,3}\\.\\d{1,3})");
    private static final Pattern DSN_RECIPIENT = Pattern.compile("(?im)^Final-Recipient:\\s*rfc822\\s*;\\s*<?([^\\s<>]+@[^\\s<>]+)>?");

    private final String mailbox;
    private final String messageIdDomain;
    private final MailLimits limits;
    private final Pattern ourMessageId;

    /**
     * @param mailbox         the support address this mail arrived at
     * @param messageIdDomain the domain of our own replies' Message-IDs ({@code <eventId@domain>})
     */
    public InboundMails(String mailbox, String messageIdDomain, MailLimits limits) {
        this.mailbox = mailbox.trim().toLowerCase(Locale.ROOT);
        this.messageIdDomain = messageIdDomain;
        this.limits = limits;
        this.ourMessageId = Pattern.compile("<([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})@"
                + Pattern.quote(messageIdDomain) + ">", Pattern.CASE_INSENSITIVE);
    }

    public ParsedMail parse(byte[] raw, Instant receivedAt) {
        String fallbackId = hashMessageId(raw);
        if (raw.length > limits.maxBytes()) {
            return new ParsedMail.Quarantined("too large: " + raw.length + " bytes", fallbackId);
        }
        String messageId = fallbackId;
        try {
            MimeMessage mime = new MimeMessage(LENIENT, new ByteArrayInputStream(raw));
            messageId = messageId(mime, fallbackId);
            return parse(mime, raw, messageId, receivedAt);
        } catch (LimitExceeded e) {
            return new ParsedMail.Quarantined(e.getMessage(), messageId);
        } catch (MessagingException | IOException | RuntimeException e) {
            return new ParsedMail.Quarantined("unreadable: " + e.getClass().getSimpleName(), messageId);
        }
    }

    private ParsedMail parse(MimeMessage mime, byte[] raw, String messageId, Instant receivedAt)
            throws MessagingException, IOException {
        String from = firstAddress(mime.getHeader("From", ","));
        if (isDeliveryReport(mime)) {
            ParsedMail bounce = bounce(raw, messageId);
            if (bounce != null) {
                return bounce;
            }
        }
        if (from == null) {
            return new ParsedMail.Quarantined("no sender address", messageId);
        }
        Body body = new Body();
        walk(mime, "1", 0, body);
        String text = body.plain != null ? MailText.newText(body.plain)
                : body.html != null ? MailText.newText(MailText.fromHtml(body.html)) : "";
        if (text.isBlank() && body.attachments.isEmpty()) {
            return new ParsedMail.Quarantined("no readable text", messageId);
        }
        String autoReason = automaticReason(mime);
        MessageKind kind = autoReason != null ? MessageKind.OTHER : text.isBlank() ? MessageKind.FILE : MessageKind.TEXT;
        String replyTo = firstAddress(mime.getHeader("Reply-To", ","));
        EmailSource source = new EmailSource(mailbox, from, displayName(mime.getHeader("From", ",")),
                from.equals(replyTo) ? null : replyTo, subject(mime), messageId,
                firstMessageId(mime.getHeader("In-Reply-To", " ")), allMessageIds(mime.getHeader("References", " ")));
        InboundMessage message = new InboundMessage(Channel.EMAIL, kind, from, source.fromName(), null, text,
                body.attachments, receivedAt, null, source);
        return new ParsedMail.Inbound(message, autoReason);
    }

    /** Collects the first plain and HTML body and the attachments, enforcing the part limits on the way. */
    private void walk(Part part, String path, int depth, Body body) throws MessagingException, IOException {
        if (depth > limits.maxDepth()) {
            throw new LimitExceeded("nested deeper than " + limits.maxDepth());
        }
        if (++body.parts > limits.maxParts()) {
            throw new LimitExceeded("more than " + limits.maxParts() + " parts");
        }
        ContentType type = contentType(part);
        String baseType = type.getBaseType().toLowerCase(Locale.ROOT);
        if (baseType.startsWith("multipart/")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child, path + "." + (i + 1), depth + 1, body);
                }
            }
            return;
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) || fileName(part) != null;
        if (!attachment && baseType.equals("text/plain") && body.plain == null) {
            body.plain = decodeText(part, type);
        } else if (!attachment && baseType.equals("text/html") && body.html == null) {
            body.html = decodeText(part, type);
        } else if (attachment || !baseType.startsWith("text/")) {
            body.attachments.add(new Attachment(path, kindOf(baseType), fileName(part), baseType, size(part)));
        }
    }

    private static String decodeText(Part part, ContentType type) throws IOException, MessagingException {
        String charset = type.getParameter("charset");
        try (InputStream in = part.getInputStream()) {
            return MailCharsets.decode(in.readAllBytes(), charset);
        } catch (IOException | MessagingException e) {
            // A transfer encoding nobody knows ("7-bit", "plain"): the bytes as they are beat no text at all.
            if (part instanceof MimePart mimePart) {
                try (InputStream in = rawStream(mimePart)) {
                    return MailCharsets.decode(in.readAllBytes(), charset);
                }
            }
            throw e;
        }
    }

    private static InputStream rawStream(MimePart part) throws MessagingException {
        return part instanceof MimeMessage message ? message.getRawInputStream()
                : ((MimeBodyPart) part).getRawInputStream();
    }

    /** The decoded size; the bytes are counted and dropped, they never leave the service. */
    private static Long size(Part part) {
        try (InputStream in = part.getInputStream()) {
            return in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | MessagingException e) {
            return null;
        }
    }

    private static String kindOf(String baseType) {
        if (baseType.startsWith("image/")) {
            return "image";
        }
        if (baseType.startsWith("video/")) {
            return "video";
        }
        if (baseType.startsWith("audio/")) {
            return "audio";
        }
        return "file";
    }

    private static ContentType contentType(Part part) {
        try {
            String header = part.getContentType();
            return header == null ? new ContentType("text/plain") : new ContentType(header);
        } catch (MessagingException e) {
            try {
                return new ContentType("application/octet-stream");
            } catch (ParseException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            if (name == null || name.isBlank()) {
                return null;
            }
            return decodeHeader(name);
        } catch (MessagingException e) {
            return null;
        }
    }

    private ParsedMail bounce(byte[] raw, String messageId) {
        // The report quotes the bounced mail's headers; ours carry <eventId@our domain>.
        String report = new String(raw, StandardCharsets.ISO_8859_1);
        Matcher ours = ourMessageId.matcher(report);
        if (!ours.find()) {
            return null;
        }
        Matcher recipient = DSN_RECIPIENT.matcher(report);
        Matcher status = DSN_STATUS.matcher(report);
        return new ParsedMail.Bounce(ours.group(1).toLowerCase(Locale.ROOT),
                recipient.find() ? recipient.group(1).toLowerCase(Locale.ROOT) : null,
                status.find() ? status.group(1) : null, messageId);
    }

    private static boolean isDeliveryReport(MimeMessage mime) {
        return contentType(mime).match("multipart/report");
    }

    /** Why a reply would loop or spam: RFC 3834 and the bulk-mail headers, or null for a person's mail. */
    static String automaticReason(MimeMessage mime) throws MessagingException {
        String autoSubmitted = mime.getHeader("Auto-Submitted", ",");
        if (autoSubmitted != null && !autoSubmitted.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "auto-submitted";
        }
        String precedence = mime.getHeader("Precedence", ",");
        if (precedence != null && precedence.trim().toLowerCase(Locale.ROOT).matches("(bulk|junk|list).*")) {
            return "precedence";
        }
        if (mime.getHeader("List-Id") != null) {
            return "list-id";
        }
        if (mime.getHeader("X-Autoreply") != null || mime.getHeader("X-Autorespond") != null) {
            return "x-autoreply";
        }
        String returnPath = mime.getHeader("Return-Path", ",");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return "empty return-path";
        }
        if (isDeliveryReport(mime)) {
            return "delivery report";
        }
        return null;
    }

    private static String messageId(MimeMessage mime, String fallbackId) throws MessagingException {
        String id = firstMessageId(mime.getHeader("Message-ID", " "));
        return id != null ? id : fallbackId;
    }

    /** A deterministic id for a mail without Message-ID: the same bytes always get the same id. */
    static String hashMessageId(byte[] raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return "<sha256-" + HexFormat.of().formatHex(digest, 0, 16) + "@no-message-id.casedesk>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String firstMessageId(String header) {
        List<String> ids = allMessageIds(header);
        return ids.isEmpty() ? null : ids.get(0);
    }

    static List<String> allMessageIds(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher matcher = MESSAGE_ID.matcher(header);
            while (matcher.find()) {
                ids.add(matcher.group());
            }
        }
        return List.copyOf(ids);
    }

    /** The first address of an address header, lower-cased; null when there is none with an '@'. */
    static String firstAddress(String header) {
        InternetAddress address = firstInternetAddress(header);
        return address == null ? null : address.getAddress().trim().toLowerCase(Locale.ROOT);
    }

    private static String displayName(String header) {
        InternetAddress address = firstInternetAddress(header);
        String personal = address == null ? null : address.getPersonal();
        return personal == null || personal.isBlank() ? null : oneLine(decodeHeader(personal));
    }

    private static InternetAddress firstInternetAddress(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            for (InternetAddress address : InternetAddress.parseHeader(header, false)) {
                String value = address.getAddress();
                if (value != null && value.indexOf('@') > 0 && value.indexOf('@') < value.length() - 1) {
                    return address;
                }
            }
        } catch (AddressException e) {
            // Unparseable list: no address rather than a guess.
        }
        return null;
    }

    private static String subject(MimeMessage mime) throws MessagingException {
        String raw = mime.getHeader("Subject", " ");
        return raw == null ? null : oneLine(decodeHeader(raw));
    }

    /** RFC 2047 words decoded leniently (see {@link EncodedWords}). */
    static String decodeHeader(String value) {
        return EncodedWords.decode(MimeUtility.unfold(value));
    }

    private static String oneLine(String value) {
        return LINE_BREAKS.matcher(value).replaceAll(" ").trim();
    }

    private static Properties lenientProperties() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.parameters.strict", "false");
        properties.setProperty("mail.mime.ignoreunknownencoding", "true");
        properties.setProperty("mail.mime.base64.ignoreerrors", "true");
        properties.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        properties.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        properties.setProperty("mail.mime.multipart.allowempty", "true");
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.decodeparameters", "true");
        properties.setProperty("mail.mime.allowutf8", "true");
        return properties;
    }

    /** The mail crossed one of the {@link MailLimits}. */
    private static final class LimitExceeded extends RuntimeException {
        LimitExceeded(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final class Body {
        private int parts;
        private String plain;
        private String html;
        private final List<Attachment> attachments = new ArrayList<>();
    }
}
