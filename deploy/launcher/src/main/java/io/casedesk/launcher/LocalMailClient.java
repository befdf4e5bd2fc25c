package io.casedesk.launcher;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/** A customer's mail program against the local mail server: writes to the firm and reads the answers. */
final class LocalMailClient {

    private final int smtpPort;
    private final int imapPort;

    LocalMailClient(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    /** Sends a plain-text mail from {@code from} to the firm's support address; returns its Message-ID. */
    String send(String from, String subject, String text) throws MessagingException {
        return send(from, subject, text, List.of());
    }

    /**
     * As {@link #send(String, String, String)}, as a reply in a thread when {@code thread} names its earlier messages
     * (oldest first): {@code In-Reply-To} the last of them, {@code References} all, as mail programs write them.
     */
    String send(String from, String subject, String text, List<String> thread) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(smtpPort));
        Session session = Session.getInstance(properties);
        String messageId = "<" + UUID.randomUUID() + "@customer.example>";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(LocalMailServer.SUPPORT_ADDRESS));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(text, StandardCharsets.UTF_8.name());
        if (!thread.isEmpty()) {
            message.setHeader("In-Reply-To", thread.get(thread.size() - 1));
            message.setHeader("References", String.join(" ", thread));
        }
        Transport.send(message);
        return messageId;
    }

    /** The text/plain content of a message, also when it comes with an HTML alternative. */
    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    /** Waits for mails in {@code address}'s inbox that answer {@code messageId}; their subjects and texts. */
    List<String> awaitAnswers(String address, String messageId, Duration timeout)
            throws MessagingException, IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<String> answers = answers(address, messageId);
            if (!answers.isEmpty() || Instant.now().isAfter(deadline)) {
                return answers;
            }
            Thread.sleep(500);
        }
    }

    /** The mails in {@code address}'s inbox now that answer {@code messageId} ({@code In-Reply-To}): subject and text. */
    List<String> answers(String address, String messageId) throws MessagingException, IOException {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(imapPort));
        List<String> answers = new ArrayList<>();
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            if (!inbox.exists()) {
                return answers;
            }
            inbox.open(Folder.READ_ONLY);
            for (Message message : inbox.getMessages()) {
                String[] inReplyTo = message.getHeader("In-Reply-To");
                if (inReplyTo != null && inReplyTo.length > 0 && inReplyTo[0].trim().equals(messageId)) {
                    answers.add(message.getSubject() + "\n" + plainText(message));
                }
            }
            inbox.close(false);
        } finally {
            store.close();
        }
        return answers;
    }
}
