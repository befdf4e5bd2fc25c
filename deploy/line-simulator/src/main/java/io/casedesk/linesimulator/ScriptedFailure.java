package io.casedesk.linesimulator;

/**
 * An error the simulator answers instead of accepting the next reply or push to a chat, queued by
 * {@link LineSimulator#failNext}.
 *
 * @param status            the HTTP status, e.g. 429 or 400
 * @param retryAfterSeconds the {@code Retry-After} header to send, or {@code null} for none
 */
public record ScriptedFailure(int status, Integer retryAfterSeconds) {

    public ScriptedFailure {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("A scripted failure needs an error status, was " + status);
        }
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("Retry-After must not be negative");
        }
    }

    String message() {
        return switch (status) {
            case 429 -> "You have reached your monthly limit or the rate limit";
            case 400 -> "The request body has 1 error(s)";
            default -> "Scripted failure";
        };
    }
}
