package io.casedesk.handoff.model;

import java.util.Locale;

/** Why a ticket closed. */
public enum CloseReason {
    /** The customer wrote a close word. */
    CUSTOMER_CLOSED,
    /** An agent, a supervisor or the helpdesk closed it. */
    AGENT_CLOSED,
    /** The customer left the agent's last message unanswered for the inactivity timeout. */
    INACTIVITY;

    /** The reason as the inbox, the events and the metrics name it: {@code agent_closed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
