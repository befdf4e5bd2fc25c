package io.casedesk.handoff.model;

import java.util.Locale;

/**
 * Why an action on a ticket, a conversation or the inbox's shared texts cannot be done; the inbox shows the reason's
 * code.
 */
public class ActionRefused extends RuntimeException {

    public enum Reason {
        /** Another agent owns the ticket, and the actor does not supervise. */
        ASSIGNED_TO_OTHER("Ticket assigned to another agent", false),
        TICKET_CLOSED("Ticket closed", false),
        NO_PENDING_DRAFT("No draft waiting for approval", false),
        /** The bot cannot take the conversation back while a person owns it. */
        TICKET_OPEN("A person owns the conversation", false),
        /** The conversation has no channel address to answer to. */
        UNREACHABLE("Customer unreachable", false),
        /** A text or a required field is missing. */
        EMPTY_TEXT("Text missing", true),
        TEXT_TOO_LONG("Text too long", true),
        /** A canned response in a language the inbox does not offer. */
        UNKNOWN_LANGUAGE("Unknown language", true),
        /** A shortcut name that is not lower-case letters, digits and dashes. */
        INVALID_SHORTCUT("Invalid shortcut", true),
        /** A placeholder a canned response cannot fill. */
        UNKNOWN_PLACEHOLDER("Unknown placeholder", true),
        /** Another canned response of the language has the shortcut. */
        DUPLICATE_SHORTCUT("Shortcut already used", false),
        /** Feedback on a turn of a ticket's history that is not an answer of the bot. */
        NOT_A_BOT_ANSWER("Not an answer of the bot", true),
        /** The bot's answer is marked wrong already. */
        ALREADY_MARKED("Answer already marked wrong", false),
        /** A drafted knowledge-base article approved or rejected already. */
        ALREADY_DECIDED("Draft decided already", false);

        private final String title;
        private final boolean invalidRequest;

        Reason(String title, boolean invalidRequest) {
            this.title = title;
            this.invalidRequest = invalidRequest;
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
            return invalidRequest;
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
