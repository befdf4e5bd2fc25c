package io.casedesk.cases.view;

import java.util.List;

/**
 * One page of conversation history (a customer's or one conversation's), newest first.
 *
 * @param page  zero-based page number
 * @param total number of turns across all pages
 */
public record ConversationTurnPage(int page, int size, long total, List<ConversationTurnView> items) {
}
