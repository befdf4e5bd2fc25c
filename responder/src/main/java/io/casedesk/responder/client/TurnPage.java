package io.casedesk.responder.client;

import java.util.List;

/** A page of a conversation's turns, newest first. */
public record TurnPage(List<TurnView> items) {

    public TurnPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
