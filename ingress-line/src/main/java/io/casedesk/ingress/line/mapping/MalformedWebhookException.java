package io.casedesk.ingress.line.mapping;

/** A signed webhook body that is not a LINE webhook. The message never quotes the body. */
public class MalformedWebhookException extends Exception {
    public MalformedWebhookException(String message) {
        super(message);
    }
}
