package io.casedesk.ingress.email.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Jakarta Mail as forgiving as it goes: real mail breaks every rule. The switches are in
 * {@code lenient-mime.properties} beside this class. A few of them (addresses, UTF-8 headers) are read from the
 * session a message is parsed with; most (MimeUtility, MimeMultipart, ParameterList, MimeBodyPart, the base64 and
 * uudecode streams) only from system properties, once per JVM, so the service also sets them globally at start
 * ({@code config.MailSystemProperties}).
 */
public final class LenientMime {

    private static final String SWITCHES_RESOURCE = "lenient-mime.properties";
    private static final Properties SWITCHES = load();
    private static final Session SESSION = Session.getInstance(switches());

    private LenientMime() {
    }

    /** The switches, a copy. */
    public static Properties switches() {
        Properties copy = new Properties();
        copy.putAll(SWITCHES);
        return copy;
    }

    /** Sets each switch as a system property, unless the JVM was started with a value of its own for it. */
    public static void applyToSystemProperties() {
        SWITCHES.forEach((key, value) -> System.getProperties().putIfAbsent(key, value));
    }

    /** The raw mail as a message of the lenient session; nothing of it is read yet. */
    public static MimeMessage message(byte[] raw) throws MessagingException {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    }

    private static Properties load() {
        try (InputStream in = LenientMime.class.getResourceAsStream(SWITCHES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SWITCHES_RESOURCE + " is missing beside " + LenientMime.class.getName());
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
