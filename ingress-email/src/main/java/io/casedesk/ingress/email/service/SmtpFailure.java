package io.casedesk.ingress.email.service;

import io.vertx.ext.mail.SMTPException;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failed SMTP attempt, sorted into worth trying again ({@link #isTransient()}) or not. Its {@link #detail()} is
 * the failure's type and SMTP reply code only: server messages can quote the recipient's address.
 */
public final class SmtpFailure extends RuntimeException {

    private static final Pattern SMTP_REPLY_CODE = Pattern.compile("\\b[45]\\d\\d\\b");

    private final boolean transientFailure;
    private final String detail;

    private SmtpFailure(boolean transientFailure, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.transientFailure = transientFailure;
        this.detail = detail;
    }

    /**
     * Transient: the server answered 4xx, or did not answer (refused or lost connection, timeout); another try
     * may succeed. Permanent: the server answered 5xx, or the mail could not even be written (an invalid
     * address); trying again would fail the same way.
     */
    public static SmtpFailure of(Throwable failure) {
        Throwable root = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            root = cause;
            if (cause instanceof SMTPException smtp) {
                int code = smtp.getReplyCode();
                // A reply outside 4xx/5xx is not the server refusing: treat it like a broken conversation.
                return new SmtpFailure(!smtp.isPermanent(), "SMTPException " + code, failure);
            }
        }
        Matcher code = SMTP_REPLY_CODE.matcher(String.valueOf(root.getMessage()));
        String detail = root.getClass().getSimpleName() + (code.find() ? " " + code.group() : "");
        boolean replyCode5xx = detail.matches(".* 5\\d\\d");
        return new SmtpFailure(!replyCode5xx && isConnectionProblem(failure), detail, failure);
    }

    private static boolean isConnectionProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // Refused, reset or closed connections (Vert.x reports a lost one as an IOException too), timeouts.
            if (cause instanceof IOException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** The failure's type and SMTP reply code, e.g. {@code SMTPException 550} or {@code ConnectException}. */
    public String detail() {
        return detail;
    }
}
