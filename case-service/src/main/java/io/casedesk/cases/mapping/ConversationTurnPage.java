package io.casedesk.cases.mapping;

import java.util.List;

/**
 * One page of a customer's conversation history, newest first.
 *
 * @param page  zero-based page number
 * @param total number of turns of the customer across all pages
 */
public record ConversationTurnPage(int page, int size, long total, List<ConversationTurnView> items) {
}
