package io.casedesk.ingress.email.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A GreenMail SMTP server on a free port, with {@code quarkus.mailer} pointed at it. */
public class GreenMailTestResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(greenMail.getSmtp().getPort()),
                "quarkus.mailer.mock", "false");
    }

    /** The running server, to read what it received. */
    public static GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void stop() {
        greenMail.stop();
    }
}
