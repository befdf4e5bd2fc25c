package io.casedesk.handoff.model;

/** Where a ticket is: waiting for an agent, assigned to one, in conversation with one, or closed. */
public enum TicketState {
    WAITING, ASSIGNED, ACTIVE, CLOSED;

    public boolean open() {
        return this != CLOSED;
    }
}
