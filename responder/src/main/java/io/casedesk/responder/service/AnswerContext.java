package io.casedesk.responder.service;

import io.casedesk.responder.client.ArticleView;
import io.casedesk.responder.client.CaseView;
import io.casedesk.responder.client.CustomerView;

import java.util.List;
import java.util.Optional;

/**
 * Everything an answer may state. The writer sees only this: the writer's own customer record and cases
 * (empty for an unknown identity) and the firm's articles that match the message.
 */
public record AnswerContext(
        ReplyLanguage language,
        Optional<CustomerView> customer,
        List<CaseView> cases,
        List<ArticleView> articles) {

    public AnswerContext {
        cases = List.copyOf(cases);
        articles = List.copyOf(articles);
    }

    /** Case facts may be disclosed only to a verified identity. */
    public boolean knownCustomer() {
        return customer.isPresent() && customer.get().verified();
    }

    public List<CaseView> openCases() {
        return cases.stream().filter(CaseView::open).toList();
    }
}
