package io.casedesk.launcher.bench;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Customers writing by email through the local mail server: a mail to the support address over SMTP, and the answers
 * in the writer's own mailbox over IMAP (every address has one, its login and password the address itself).
 */
final class MailDriver {

    private final Session smtp;
    private final Session imap;
    private final String supportAddress;

    MailDriver(int smtpPort, int imapPort, String supportAddress) {
        Properties smtpProperties = new Properties();
        smtpProperties.put("mail.smtp.host", "127.0.0.1");
        smtpProperties.put("mail.smtp.port", String.valueOf(smtpPort));
        this.smtp = Session.getInstance(smtpProperties);
        Properties imapProperties = new Properties();
        imapProperties.put("mail.imap.host", "127.0.0.1");
        imapProperties.put("mail.imap.port", String.valueOf(imapPort));
        this.imap = Session.getInstance(imapProperties);
        this.supportAddress = supportAddress;
    }

    /** Sends a plain-text mail to the support address; returns its Message-ID. */
    String send(String from, String subject, String text) throws MessagingException {
        String messageId = "<" + UUID.randomUUID() + "@bench.casedesk.local>";
        MimeMessage message = new MimeMessage(smtp) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(supportAddress));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(text, StandardCharsets.UTF_8.name());
        Transport.send(message);
        return messageId;
    }

    /** How many mails in {@code address}'s inbox answer each Message-ID ({@code In-Reply-To}). */
    Map<String, Integer> answersIn(String address) throws MessagingException {
        Map<String, Integer> answers = new HashMap<>();
        Store store = imap.getStore("imap");
        store.connect(address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            if (!inbox.exists()) {
                return answers;
            }
            inbox.open(Folder.READ_ONLY);
            try {
                for (Message message : inbox.getMessages()) {
                    String[] inReplyTo = message.getHeader("In-Reply-To");
                    if (inReplyTo != null && inReplyTo.length > 0) {
                        answers.merge(inReplyTo[0].trim(), 1, Integer::sum);
                    }
                }
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
        return answers;
    }
}
