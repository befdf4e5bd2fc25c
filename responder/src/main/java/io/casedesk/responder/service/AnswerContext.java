package io.casedesk.responder.service;

import io.casedesk.responder.client.ArticleView;
import io.casedesk.responder.client.CaseView;
import io.casedesk.responder.client.CustomerView;
import io.casedesk.responder.client.FirmView;
import io.casedesk.responder.client.TurnView;
import io.casedesk.responder.service.knowledge.KnowledgeIndex;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything an answer may state, and nothing more. The engine sees only this: the writer's own customer record
 * and cases (empty for an unknown identity), what the firm's knowledge base says to the message, and the
 * conversation's latest turns. Another customer's data is never fetched, so no engine and no prompt can disclose it.
 *
 * @param knowledge   the knowledge-base article that answers the message and its passages that fit, when one does
 * @param recentTurns the conversation's latest turns, oldest first; not facts an answer may state (grounding
 *                    ignores them), only what was said
 * @param firm        the firm's name and tone, {@code null} when case-service has none
 * @param today       the date in the firm's time zone: a next step before it has passed
 * @param officeDay   the day the message asks whether the office is open on, with the firm's hours that day
 */
public record AnswerContext(
        ReplyLanguage language,
        Optional<CustomerView> customer,
        List<CaseView> cases,
        Optional<KnowledgeIndex.Answer> knowledge,
        List<TurnView> recentTurns,
        FirmView firm,
        LocalDate today,
        Optional<OfficeDays.OfficeDay> officeDay) {

    public AnswerContext {
        cases = List.copyOf(cases);
        recentTurns = List.copyOf(recentTurns);
        officeDay = officeDay == null ? Optional.empty() : officeDay;
    }

    public AnswerContext(ReplyLanguage language, Optional<CustomerView> customer, List<CaseView> cases,
                         Optional<KnowledgeIndex.Answer> knowledge, List<TurnView> recentTurns, FirmView firm,
                         LocalDate today) {
        this(language, customer, cases, knowledge, recentTurns, firm, today, Optional.empty());
    }

    /**
     * A context whose knowledge is whole articles (the first answers), on {@code today}.
     */
    public AnswerContext(ReplyLanguage language, Optional<CustomerView> customer, List<CaseView> cases,
                         List<ArticleView> articles, LocalDate today) {
        this(language, customer, cases, articles.stream().findFirst()
                        .map(a -> new KnowledgeIndex.Answer(a, List.of(a.body()), 1.0)),
                List.of(), null, today);
    }

    /** The article the knowledge base answers with, as a list: empty or one. */
    public List<ArticleView> articles() {
        return knowledge.map(KnowledgeIndex.Answer::article).stream().toList();
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

    /** The same context in another language (the writer's record's, when the message says nothing in words). */
    public AnswerContext inLanguage(ReplyLanguage other) {
        return new AnswerContext(other, customer, cases, knowledge, recentTurns, firm, today, officeDay);
    }
}
