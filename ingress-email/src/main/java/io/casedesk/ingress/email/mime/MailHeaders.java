package io.casedesk.ingress.email.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A mail's headers read leniently: Message-IDs, addresses, the sender's name, the subject, a part's type. */
public final class MailHeaders {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    private MailHeaders() {
    }

    /** The mail's Message-ID, or {@code fallbackId} when it has none. */
    public static String messageId(MimeMessage mime, String fallbackId) throws MessagingException {
        String id = firstMessageId(mime.getHeader("Message-ID", " "));
        return id != null ? id : fallbackId;
    }

    /** A deterministic id for a mail without Message-ID: the same bytes always get the same id. */
    public static String hashMessageId(byte[] raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return "<sha256-" + HexFormat.of().formatHex(digest, 0, 16) + "@no-message-id.casedesk>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String firstMessageId(String header) {
        List<String> ids = allMessageIds(header);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** The {@code <…>} ids of a header such as References, in order. */
    public static List<String> allMessageIds(String header) {
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
    public static String firstAddress(String header) {
        InternetAddress address = firstInternetAddress(header);
        return address == null ? null : address.getAddress().trim().toLowerCase(Locale.ROOT);
    }

    /** The name that goes with the first address, decoded and on one line; null when there is none. */
    public static String displayName(String header) {
        InternetAddress address = firstInternetAddress(header);
        String personal = address == null ? null : address.getPersonal();
        return personal == null || personal.isBlank() ? null : oneLine(decodeHeader(personal));
    }

    public static String subject(MimeMessage mime) throws MessagingException {
        String raw = mime.getHeader("Subject", " ");
        return raw == null ? null : oneLine(decodeHeader(raw));
    }

    /** The part's Content-Type: {@code text/plain} when it has none, {@code application/octet-stream} when unreadable. */
    public static ContentType contentType(Part part) {
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

    /** RFC 2047 words decoded leniently (see {@link EncodedWords}). */
    static String decodeHeader(String value) {
        return EncodedWords.decode(MimeUtility.unfold(value));
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

    private static String oneLine(String value) {
        return LINE_BREAKS.matcher(value).replaceAll(" ").trim();
    }
}
