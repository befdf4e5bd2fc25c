package io.casedesk.handoff.model;

/** No ticket has the id. */
public class TicketNotFound extends RuntimeException {

    public TicketNotFound(String id) {
        super("No ticket " + id);
    }
}
