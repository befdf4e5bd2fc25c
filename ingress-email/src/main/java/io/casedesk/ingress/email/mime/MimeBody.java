package io.casedesk.ingress.email.mime;

import io.casedesk.schema.Attachment;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a mail holds for a reader: the first plain and the first HTML body and the list of attachments (their
 * bytes are counted and dropped), found by walking the MIME tree within the {@link MailLimits}.
 */
public final class MimeBody {

    private final MailLimits limits;
    private int parts;
    private String plain;
    private String html;
    private final List<Attachment> attachments = new ArrayList<>();

    private MimeBody(MailLimits limits) {
        this.limits = limits;
    }

    /** @throws MailLimits.Exceeded when the tree has more parts or levels than the limits allow */
    public static MimeBody read(Part mail, MailLimits limits) throws MessagingException, IOException {
        MimeBody body = new MimeBody(limits);
        body.walk(mail, "1", 0);
        return body;
    }

    /** The customer's new words: the plain body, else the HTML body made readable, without quotes and signature. */
    public String text() {
        return plain != null ? MailText.newText(plain)
                : html != null ? MailText.newText(MailText.fromHtml(html)) : "";
    }

    public List<Attachment> attachments() {
        return attachments;
    }

    /**
     * The part at {@code path} as {@link #read} names an attachment ({@code 1} the mail itself, {@code 1.2} its
     * second part, {@code 1.2.1} the first part of that), if the mail has one there.
     */
    public static Optional<Part> part(Part mail, String path, MailLimits limits) throws MessagingException, IOException {
        String[] steps = path.split("\\.");
        if (!steps[0].equals("1") || steps.length > limits.maxDepth() + 1) {
            return Optional.empty();
        }
        Part part = mail;
        for (int i = 1; i < steps.length; i++) {
            if (!steps[i].matches("[1-9][0-9]{0,3}") || !(part.getContent() instanceof Multipart multipart)
                    || Integer.parseInt(steps[i]) > multipart.getCount()) {
                return Optional.empty();
            }
            part = multipart.getBodyPart(Integer.parseInt(steps[i]) - 1);
        }
        return Optional.of(part);
    }

    private void walk(Part part, String path, int depth) throws MessagingException, IOException {
        if (depth > limits.maxDepth()) {
            throw new MailLimits.Exceeded("nested deeper than " + limits.maxDepth());
        }
        if (++parts > limits.maxParts()) {
            throw new MailLimits.Exceeded("more than " + limits.maxParts() + " parts");
        }
        ContentType type = MailHeaders.contentType(part);
        String baseType = type.getBaseType().toLowerCase(Locale.ROOT);
        if (baseType.startsWith("multipart/")) {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child, path + "." + (i + 1), depth + 1);
                }
            }
            return;
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) || fileName(part) != null;
        if (!attachment && baseType.equals("text/plain") && plain == null) {
            plain = decodeText(part, type);
        } else if (!attachment && baseType.equals("text/html") && html == null) {
            html = decodeText(part, type);
        } else if (attachment || !baseType.startsWith("text/")) {
            attachments.add(new Attachment(path, kindOf(baseType), fileName(part), baseType, size(part)));
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
            return MailHeaders.decodeHeader(name);
        } catch (MessagingException e) {
            return null;
        }
    }
}
