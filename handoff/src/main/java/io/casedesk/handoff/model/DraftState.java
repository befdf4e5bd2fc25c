package io.casedesk.handoff.model;

/** Where the responder's draft of a ticket is: waiting for an agent, or what the agent did with it. */
public enum DraftState {
    PENDING, APPROVED, EDITED, REJECTED
}
