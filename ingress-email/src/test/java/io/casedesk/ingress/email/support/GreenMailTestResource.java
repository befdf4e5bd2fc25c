package io.casedesk.ingress.email.support;

import com.icegreen.greenmail.imap.ImapServer;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.casedesk.infra.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * GreenMail with SMTP and IMAP on free ports: {@code quarkus.mailer} sends to it, and the IMAP reader reads the
 * support mailbox's user. One resource for every IT, so they share one Quarkus application (the broker is shared
 * by the whole JVM anyway). The ports are fixed for the resource's life, so a test can stop a server (the
 * service sees a refused connection), put another in its place, and start it again on the same port.
 * <p>
 * Arguments ({@code @ResourceArg}): {@code imap-mode} ({@code poll} unless given) and {@code poll-interval}
 * ({@code 300MS} unless given). A class with other arguments gets an application of its own.
 */
public class GreenMailTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String MAILBOX = "help@firm.example";
    private static final String PASSWORD = "test-only-password";
    private static final String HOST = "127.0.0.1";

    private static GreenMail greenMail;
    private static GreenMailUser user;
    private static ServerSetup smtpSetup;
    private static ServerSetup imapSetup;
    /** The servers running now: GreenMail's own, or the ones started in their place. */
    private static AbstractServer smtp;
    private static AbstractServer imap;

    private String imapMode = "poll";
    private String pollInterval = "300MS";

    @Override
    public void init(Map<String, String> initArgs) {
        imapMode = initArgs.getOrDefault("imap-mode", imapMode);
        pollInterval = initArgs.getOrDefault("poll-interval", pollInterval);
    }

    @Override
    public Map<String, String> start() {
        smtpSetup = new ServerSetup(FreePorts.pick(), HOST, ServerSetup.PROTOCOL_SMTP);
        imapSetup = new ServerSetup(FreePorts.pick(), HOST, ServerSetup.PROTOCOL_IMAP);
        greenMail = new GreenMail(new ServerSetup[] {smtpSetup, imapSetup});
        greenMail.start();
        smtp = greenMail.getSmtp();
        imap = greenMail.getImap();
        user = greenMail.setUser(MAILBOX, MAILBOX, PASSWORD);
        try {
            return Map.ofEntries(
                    Map.entry("quarkus.mailer.host", HOST),
                    Map.entry("quarkus.mailer.port", String.valueOf(smtpSetup.getPort())),
                    Map.entry("casedesk.email.imap.enabled", "true"),
                    Map.entry("casedesk.email.imap.mailbox", MAILBOX),
                    Map.entry("casedesk.email.imap.host", HOST),
                    Map.entry("casedesk.email.imap.port", String.valueOf(imapSetup.getPort())),
                    Map.entry("casedesk.email.imap.protocol", "imap"),
                    Map.entry("casedesk.email.imap.start-tls", "false"),
                    Map.entry("casedesk.email.imap.username", MAILBOX),
                    Map.entry("casedesk.email.imap.password", PASSWORD),
                    Map.entry("casedesk.email.imap.mode", imapMode),
                    Map.entry("casedesk.email.imap.poll-interval", pollInterval),
                    Map.entry("casedesk.email.imap.reconnect-initial-delay", "200MS"),
                    Map.entry("casedesk.email.imap.reconnect-max-delay", "1S"),
                    Map.entry("casedesk.email.imap.data-dir",
                            Files.createTempDirectory("ingress-email-imap").toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The running server, to read what it received. */
    public static GreenMail greenMail() {
        return greenMail;
    }

    /** The mails GreenMail received over SMTP with this {@code Message-ID}. */
    public static List<MimeMessage> receivedWithMessageId(String messageId) throws MessagingException {
        List<MimeMessage> matching = new ArrayList<>();
        for (MimeMessage mail : greenMail.getReceivedMessages()) {
            String[] ids = mail.getHeader("Message-ID");
            if (ids != null && Arrays.asList(ids).contains(messageId)) {
                matching.add(mail);
            }
        }
        return matching;
    }

    /** The support mailbox, to deliver mail into directly. */
    public static GreenMailUser mailbox() {
        return user;
    }

    /** The port the service sends to. */
    public static int smtpPort() {
        return smtpSetup.getPort();
    }

    /** Stops GreenMail's SMTP server: the port refuses connections until {@link #startSmtp()}. */
    public static synchronized void stopSmtp() {
        smtp.stopService();
    }

    /** Starts GreenMail's SMTP server again on its port, with the same mailboxes. */
    public static synchronized void startSmtp() {
        smtp = started(() -> new SmtpServer(smtpSetup, greenMail.getManagers()));
    }

    /** Stops GreenMail's IMAP server, dropping the service's connections, until {@link #startImap()}. */
    public static synchronized void stopImap() {
        imap.stopService();
    }

    public static synchronized void startImap() {
        imap = started(() -> new ImapServer(imapSetup, greenMail.getManagers()));
    }

    /**
     * Starts a new server on the fixed port. The port of a server just closed (a stopped one, or a stand-in put in
     * its place) can take a moment to be free again, so a failed bind is tried again for a few seconds.
     */
    private static AbstractServer started(Supplier<AbstractServer> newServer) {
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            AbstractServer server = newServer.get();
            server.startService();
            try {
                if (server.waitTillRunning(30_000)) {
                    return server;
                }
                server.stopService();
                failure = new IllegalStateException("GreenMail " + server.getProtocol() + " did not start");
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (RuntimeException e) {
                failure = new IllegalStateException("GreenMail " + server.getProtocol() + " did not start", e);
            }
        }
        throw failure;
    }

    @Override
    public void stop() {
        for (AbstractServer server : new AbstractServer[] {smtp, imap}) {
            if (server != greenMail.getSmtp() && server != greenMail.getImap() && server.isRunning()) {
                server.stopService();
            }
        }
        greenMail.stop();
    }
}
