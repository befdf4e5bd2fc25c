package io.casedesk.handoff.service;

/**
 * A ticket changed; observed after the transaction commits (live inbox, helpdesk connector).
 *
 * @param change  {@code created}, {@code message}, {@code assigned}, {@code reply}, {@code draft}, {@code closed},
 *                {@code rated}, {@code delivery}, {@code notice}, {@code note} (a private note), {@code feedback}
 *                (a bot answer marked wrong)
 * @param text    the customer's message for {@code message}, otherwise {@code null}
 * @param alert   a high-priority ticket a supervisor must see
 */
public record TicketChanged(String ticketId, String change, String text, boolean alert) {

    public static TicketChanged of(String ticketId, String change) {
        return new TicketChanged(ticketId, change, null, false);
    }
}
