package io.casedesk.launcher;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The local stack's mail server (GreenMail): SMTP for the firm's outgoing answers and for customers writing
 * in, IMAP for the support mailbox ingress-email reads and for customers reading their answers. Every
 * address gets a mailbox on first delivery, whose login and password are the address itself.
 */
final class LocalMailServer implements AutoCloseable {

    static final String SUPPORT_ADDRESS = "support@casedesk.local";
    static final String SUPPORT_PASSWORD = "support";

    private final GreenMail greenMail;

    private LocalMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static LocalMailServer start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        greenMail.setUser(SUPPORT_ADDRESS, SUPPORT_ADDRESS, SUPPORT_PASSWORD);
        return new LocalMailServer(greenMail);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
