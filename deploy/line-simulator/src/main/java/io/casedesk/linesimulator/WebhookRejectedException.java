package io.casedesk.linesimulator;

/** The bot answered a webhook with a status other than 200. */
public class WebhookRejectedException extends RuntimeException {

    private final int status;

    public WebhookRejectedException(int status) {
        super("The bot answered the webhook with HTTP " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
