package io.casedesk.handoff.model;

import java.util.Locale;

/** Why an action on a ticket or a conversation cannot be done; the inbox shows the reason's code. */
public class ActionRefused extends RuntimeException {

    public enum Reason {
        /** Another agent owns the ticket, and the actor does not supervise. */
        ASSIGNED_TO_OTHER("Ticket assigned to another agent"),
        TICKET_CLOSED("Ticket closed"),
        NO_PENDING_DRAFT("No draft waiting for approval"),
        /** The bot cannot take the conversation back while a person owns it. */
        TICKET_OPEN("A person owns the conversation"),
        /** The conversation has no channel address to answer to. */
        UNREACHABLE("Customer unreachable"),
        /** A text or a required field is missing. */
        EMPTY_TEXT("Text missing"),
        TEXT_TOO_LONG("Text too long");

        private final String title;

        Reason(String title) {
            this.title = title;
        }

        /** The refusal in a few words, in English. */
        public String title() {
            return title;
        }

        /** The code the inbox and the API name it by: {@code assigned_to_other}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The request itself is wrong, whatever the state of the ticket. */
        public boolean invalidRequest() {
            return this == EMPTY_TEXT || this == TEXT_TOO_LONG;
        }
    }

    private final Reason reason;

    public ActionRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
