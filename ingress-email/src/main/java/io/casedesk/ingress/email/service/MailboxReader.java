package io.casedesk.ingress.email.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.ingress.email.config.EmailConfig;
import io.casedesk.ingress.email.inbound.InboundMails;
import io.casedesk.ingress.email.inbound.ParsedMail;
import io.casedesk.ingress.email.messaging.InboundEvents;
import io.casedesk.ingress.email.messaging.InboundPublisher;
import io.casedesk.ingress.email.mime.MailLimits;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.InboundMessage;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One pass over the support mailbox's folder: every mail above the stored position is parsed and published, then
 * marked {@code \Seen}, then the position moves past it. A crash between publishing and saving the position
 * re-reads the mail on restart; its events carry the same ids, and consumers drop them as duplicates.
 */
@ApplicationScoped
public class MailboxReader {

    private static final Logger LOG = Logger.getLogger(MailboxReader.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FetchProfile PER_MAIL = new FetchProfile();

    static {
        PER_MAIL.add(UIDFolder.FetchProfileItem.UID);
        PER_MAIL.add(FetchProfile.Item.SIZE);
        PER_MAIL.add(FetchProfile.Item.FLAGS);
        PER_MAIL.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
    }

    private final EmailConfig.Imap config;
    private final InboundPublisher publisher;
    private final MeterRegistry registry;
    private final InboundMails parser;
    private final Path positionFile;
    private Store store;

    private final SentMessageIds sentMessageIds;

    MailboxReader(EmailConfig config, InboundPublisher publisher, MeterRegistry registry, SentMessageIds sentMessageIds) {
        this.sentMessageIds = sentMessageIds;
        this.config = config.imap();
        this.publisher = publisher;
        this.registry = registry;
        this.parser = new InboundMails(this.config.mailbox(), config.messageIdDomain(),
                new MailLimits(this.config.maxMessageBytes(), this.config.maxParts(), this.config.maxDepth()));
        String folderFile = this.config.folder().replaceAll("[^A-Za-z0-9._-]", "_");
        this.positionFile = Path.of(this.config.dataDir(), "imap-position-" + folderFile + ".properties");
    }

    /** Reads everything new; returns how many mails were handled. Synchronized: one pass at a time. */
    public synchronized int readNewMail() throws MessagingException {
        Folder folder = store().getFolder(config.folder());
        folder.open(Folder.READ_WRITE);
        try {
            UIDFolder uids = (UIDFolder) folder;
            ReadPosition position = ReadPosition.load(positionFile);
            boolean rereading = position.uidValidity() != uids.getUIDValidity();
            if (rereading) {
                // New UIDVALIDITY: old UIDs mean nothing, so the folder is read again. Mails already \Seen were
                // published before (or read by a person) and are skipped; an unseen one that was published just
                // before a crash gets the same event ids again, which consumers drop as duplicates.
                LOG.infof("Folder UIDVALIDITY is %d (stored %d): reading the folder from the start",
                        uids.getUIDValidity(), position.uidValidity());
                position = new ReadPosition(uids.getUIDValidity(), 0);
                position.save(positionFile);
            }
            Message[] messages = uids.getMessagesByUID(position.lastUid() + 1, UIDFolder.MAXUID);
            // One round trip for what every mail needs before its body, instead of three per mail.
            folder.fetch(messages, PER_MAIL);
            Arrays.sort(messages, Comparator.comparingLong(m -> uid(uids, m)));
            int handled = 0;
            for (Message message : messages) {
                long uid = uid(uids, message);
                if (uid <= position.lastUid()) {
                    continue; // "n:*" also returns the newest mail when its UID is below n
                }
                if (!(rereading && message.isSet(Flags.Flag.SEEN))) {
                    handle(message, uid, uids.getUIDValidity());
                }
                position = position.after(uid);
                position.save(positionFile);
                handled++;
            }
            return handled;
        } finally {
            folder.close(false);
        }
    }

    private void handle(Message message, long uid, long uidValidity) throws MessagingException {
        ParsedMail parsed = read(message);
        if (parsed instanceof ParsedMail.Inbound inbound) {
            Envelope<InboundMessage> event = InboundEvents.inbound(inbound);
            Envelope<ConversationTurn> turn = InboundEvents.turn(event, inbound.autoReason());
            publisher.inbound(event, turn);
            count(inbound.automatic() ? "automatic" : "inbound");
            LOG.infof("Mail uid %d: inbound %s%s", uid, event.eventId(),
                    inbound.automatic() ? " (automatic: " + inbound.autoReason() + ", not answered)" : "");
        } else if (parsed instanceof ParsedMail.Bounce bounce && !sentMessageIds.wasSent(bounce.outboundEventId())) {
            // Anyone can write a bounce that quotes <made-up id@our domain>: only mails we sent can bounce.
            count("bounce_of_unknown_mail");
            LOG.infof("Mail uid %d: a bounce naming a Message-ID this service never sent, ignored", uid);
        } else if (parsed instanceof ParsedMail.Bounce bounce) {
            publisher.delivery(InboundEvents.bounce(bounce, config.mailbox(), Instant.now()));
            count("bounce");
            LOG.infof("Mail uid %d: bounce of outbound %s", uid, bounce.outboundEventId());
        } else {
            ParsedMail.Quarantined quarantined = (ParsedMail.Quarantined) parsed;
            publisher.quarantine(config.mailbox() + ":" + uidValidity + ":" + uid,
                    quarantineRecord(quarantined, uid, uidValidity));
            count("quarantined");
            LOG.warnf("Mail uid %d quarantined: %s", uid, quarantined.reason());
            // Flagged and left unread, so a person looking at the mailbox finds it.
            message.setFlag(Flags.Flag.FLAGGED, true);
            return;
        }
        // Only now, after the broker's acknowledgement.
        message.setFlag(Flags.Flag.SEEN, true);
    }

    /**
     * The parsed mail. A mail the server cannot hand over whole is quarantined, so one bad mail cannot stall the
     * reader; a lost connection is not the mail's fault and fails the pass instead.
     */
    private ParsedMail read(Message message) throws MessagingException {
        try {
            if (message.getSize() > config.maxMessageBytes()) {
                // Not even downloaded.
                return new ParsedMail.Quarantined("too large: " + message.getSize() + " bytes", null);
            }
            return parser.parse(rawBytes(message), receivedAt(message));
        } catch (FolderClosedException | StoreClosedException e) {
            throw e;
        } catch (MessagingException | IOException | RuntimeException e) {
            if (!message.getFolder().isOpen()) {
                throw new FolderClosedException(message.getFolder(), e.getClass().getSimpleName());
            }
            return new ParsedMail.Quarantined("unreadable: " + e.getClass().getSimpleName(), null);
        }
    }

    private String quarantineRecord(ParsedMail.Quarantined quarantined, long uid, long uidValidity) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", "email_quarantined");
        record.put("mailbox", config.mailbox());
        record.put("folder", config.folder());
        record.put("uidValidity", uidValidity);
        record.put("uid", uid);
        record.put("messageId", quarantined.messageId());
        record.put("reason", quarantined.reason());
        record.put("occurredAt", Instant.now().toString());
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] rawBytes(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(message.getSize(), 1024));
        message.writeTo(raw);
        return raw.toByteArray();
    }

    private static Instant receivedAt(Message message) throws MessagingException {
        return message.getReceivedDate() != null ? message.getReceivedDate().toInstant() : Instant.now();
    }

    private static long uid(UIDFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void count(String outcome) {
        registry.counter("casedesk.email.inbound", "outcome", outcome).increment();
    }

    private Store store() throws MessagingException {
        if (store == null || !store.isConnected()) {
            store = ImapStores.connect(config);
        }
        return store;
    }

    /** Closes the connection; the next pass opens a new one and reloads the position from its file. */
    public synchronized void disconnect() {
        ImapStores.close(store);
        store = null;
    }
}
