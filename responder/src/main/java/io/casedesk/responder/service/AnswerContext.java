package io.casedesk.responder.service;

import io.casedesk.responder.client.ArticleView;
import io.casedesk.responder.client.CaseView;
import io.casedesk.responder.client.CustomerView;
import io.casedesk.responder.client.FirmView;
import io.casedesk.responder.client.TurnView;

import java.util.List;
import java.util.Optional;

/**
 * Everything an answer may state, and nothing more. The engine sees only this: the writer's own customer record
 * and cases (empty for an unknown identity), the firm's articles that match the message, and the conversation's
 * latest turns. Another customer's data is never fetched, so no engine and no prompt can disclose it.
 *
 * @param recentTurns the conversation's latest turns, oldest first; not facts an answer may state (grounding
 *                    ignores them), only what was said
 * @param firm        the firm's name and tone, {@code null} when case-service has none
 */
public record AnswerContext(
        ReplyLanguage language,
        Optional<CustomerView> customer,
        List<CaseView> cases,
        List<ArticleView> articles,
        List<TurnView> recentTurns,
        FirmView firm) {

    public AnswerContext {
        cases = List.copyOf(cases);
        articles = List.copyOf(articles);
        recentTurns = List.copyOf(recentTurns);
    }

    public AnswerContext(ReplyLanguage language, Optional<CustomerView> customer, List<CaseView> cases,
                         List<ArticleView> articles) {
        this(language, customer, cases, articles, List.of(), null);
    }

    /** Case facts may be disclosed only to a verified identity. */
    public boolean knownCustomer() {
        return customer.isPresent() && customer.get().verified();
    }

    public List<CaseView> openCases() {
        return cases.stream().filter(CaseView::open).toList();
    }

    /** "張先生" / "Mr. Chang" for a verified customer in the answer's language. */
    public Optional<String> salutation() {
        return customer.filter(CustomerView::verified).map(c -> c.salutation().get(language.tag()));
    }
}
