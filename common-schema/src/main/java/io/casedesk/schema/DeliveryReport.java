package io.casedesk.schema;

/**
 * What happened to an outbound message. Published to {@link Topics#DELIVERY}.
 *
 * @param outboundEventId the outbound event this reports on
 * @param method          how it went out: {@code reply}, {@code push}, {@code smtp}
 * @param detail          a short reason for failures or skips, never message text
 */
public record DeliveryReport(
        Channel channel,
        String outboundEventId,
        DeliveryStatus status,
        String method,
        String detail) implements EventPayload {
}
