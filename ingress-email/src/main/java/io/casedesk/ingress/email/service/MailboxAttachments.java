package io.casedesk.ingress.email.service;

import io.casedesk.ingress.email.config.EmailConfig;
import io.casedesk.ingress.email.mime.LenientMime;
import io.casedesk.ingress.email.mime.MailHeaders;
import io.casedesk.ingress.email.mime.MailLimits;
import io.casedesk.ingress.email.mime.MimeBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Store;
import jakarta.mail.search.MessageIDTerm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * A customer's attachment read again from the support mailbox: the reader leaves every mail in its folder (only
 * marked {@code \Seen}), so the mail is found by its {@code Message-ID} and the file by the MIME part path the
 * inbound event named. Nothing is kept on this side. A mail a person moved or deleted, or one that had no
 * {@code Message-ID} of its own, is not found. Its own connection, read-only: the reader's is not touched.
 */
@ApplicationScoped
public class MailboxAttachments {

    /** What a lookup came to. */
    public sealed interface Found {
    }

    public record File(byte[] bytes, String mediaType) implements Found {
    }

    public record TooLarge() implements Found {
    }

    public record NotFound() implements Found {
    }

    private final EmailConfig.Imap imap;
    private final MailLimits limits;
    private final long maxBytes;

    public MailboxAttachments(EmailConfig config) {
        this.imap = config.imap();
        this.limits = new MailLimits(imap.maxMessageBytes(), imap.maxParts(), imap.maxDepth());
        this.maxBytes = config.attachments().maxBytes().asLongValue();
    }

    public Found find(String messageId, String partPath) throws MessagingException, IOException {
        Store store = ImapStores.connect(imap);
        try {
            Folder folder = store.getFolder(imap.folder());
            folder.open(Folder.READ_ONLY);
            try {
                for (Message mail : folder.search(new MessageIDTerm(messageId))) {
                    Optional<Found> found = fromMail(mail, messageId, partPath);
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
                return new NotFound();
            } finally {
                folder.close(false);
            }
        } finally {
            ImapStores.close(store);
        }
    }

    private Optional<Found> fromMail(Message mail, String messageId, String partPath)
            throws MessagingException, IOException {
        if (mail.getSize() > limits.maxBytes()) {
            return Optional.empty();
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(mail.getSize(), 1024));
        mail.writeTo(raw);
        // Parsed as the reader parsed it, so the part paths are the ones the inbound event carries.
        var mime = LenientMime.message(raw.toByteArray());
        // IMAP's SEARCH matches substrings: only the mail whose Message-ID is this one.
        if (!messageId.equals(MailHeaders.messageId(mime, null))) {
            return Optional.empty();
        }
        Optional<Part> part = MimeBody.part(mime, partPath, limits);
        if (part.isEmpty() || part.get().isMimeType("multipart/*")) {
            return Optional.empty();
        }
        try (InputStream in = part.get().getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBytes) {
                return Optional.of(new TooLarge());
            }
            String type = MailHeaders.contentType(part.get()).getBaseType().toLowerCase(Locale.ROOT);
            return Optional.of(new File(bytes, type));
        }
    }
}
