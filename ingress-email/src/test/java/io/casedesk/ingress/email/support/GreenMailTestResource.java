package io.casedesk.ingress.email.support;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * GreenMail with SMTP and IMAP on free ports: {@code quarkus.mailer} sends to it, and the IMAP reader reads the
 * support mailbox's user. One resource for every IT, so they share one Quarkus application (and one broker: a
 * second application in the same JVM would try to start a second shared broker).
 */
public class GreenMailTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String MAILBOX = "help@firm.example";
    private static final String PASSWORD = "test-only-password";

    private static GreenMail greenMail;
    private static GreenMailUser user;

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        greenMail.start();
        user = greenMail.setUser(MAILBOX, MAILBOX, PASSWORD);
        try {
            return Map.ofEntries(
                    Map.entry("quarkus.mailer.host", "127.0.0.1"),
                    Map.entry("quarkus.mailer.port", String.valueOf(greenMail.getSmtp().getPort())),
                    Map.entry("casedesk.email.imap.enabled", "true"),
                    Map.entry("casedesk.email.imap.mailbox", MAILBOX),
                    Map.entry("casedesk.email.imap.host", "127.0.0.1"),
                    Map.entry("casedesk.email.imap.port", String.valueOf(greenMail.getImap().getPort())),
                    Map.entry("casedesk.email.imap.protocol", "imap"),
                    Map.entry("casedesk.email.imap.start-tls", "false"),
                    Map.entry("casedesk.email.imap.username", MAILBOX),
                    Map.entry("casedesk.email.imap.password", PASSWORD),
                    Map.entry("casedesk.email.imap.poll-interval", "300MS"),
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

    /** The support mailbox, to deliver mail into directly. */
    public static GreenMailUser mailbox() {
        return user;
    }

    @Override
    public void stop() {
        greenMail.stop();
    }
}
