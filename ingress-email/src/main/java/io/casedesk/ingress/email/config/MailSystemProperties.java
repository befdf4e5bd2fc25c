package io.casedesk.ingress.email.config;

import io.casedesk.ingress.email.mime.LenientMime;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Sets Jakarta Mail's leniency switches ({@link LenientMime}) as system properties when the service starts, before
 * the mailbox is first read. They must be global: MimeUtility, MimeMultipart, ParameterList, MimeBodyPart and the
 * base64 and uudecode streams read theirs from system properties only, once per JVM, never from the session a mail
 * is parsed with. A value given on the command line ({@code -Dmail.mime.…}) is kept.
 */
@ApplicationScoped
public class MailSystemProperties {

    /** Before every other start-up observer: the mailbox reader starts in one. */
    void apply(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        LenientMime.applyToSystemProperties();
    }
}
