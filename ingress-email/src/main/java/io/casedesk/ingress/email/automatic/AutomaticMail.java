package io.casedesk.ingress.email.automatic;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.Locale;

/** Mail that no one should answer: an answer would loop between two machines or spam a list (RFC 3834). */
public final class AutomaticMail {

    private AutomaticMail() {
    }

    /** Why the mail is automatic: RFC 3834 and the bulk-mail headers; null for a person's mail. */
    public static String reason(MimeMessage mime) throws MessagingException {
        String autoSubmitted = mime.getHeader("Auto-Submitted", ",");
        if (autoSubmitted != null && !autoSubmitted.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "auto-submitted";
        }
        String precedence = mime.getHeader("Precedence", ",");
        if (precedence != null && precedence.trim().toLowerCase(Locale.ROOT).matches("(bulk|junk|list).*")) {
            return "precedence";
        }
        if (mime.getHeader("List-Id") != null) {
            return "list-id";
        }
        if (mime.getHeader("X-Autoreply") != null || mime.getHeader("X-Autorespond") != null) {
            return "x-autoreply";
        }
        String returnPath = mime.getHeader("Return-Path", ",");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return "empty return-path";
        }
        if (Bounces.isDeliveryReport(mime)) {
            return "delivery report";
        }
        return null;
    }
}
