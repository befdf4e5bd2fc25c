package io.casedesk.responder.messaging;

import io.casedesk.infra.test.CaseServiceStandIn;

import java.util.Map;

/**
 * Answers the case-service calls the responder makes (the writer with their cases, the articles, the firm) for one
 * known LINE user (C-1001) with one open case. Anything else is 404, as case-service answers unknown identities.
 */
public class ResponderCaseServiceStandIn extends CaseServiceStandIn {

    public ResponderCaseServiceStandIn() {
        super("test-responder-key");
    }

    @Override
    protected Answer answer(String path) {
        if (path.equals("/identities/line/" + KNOWN_LINE_USER + "/customer")) {
            return Answer.json(withCases(KNOWN_CUSTOMER, KNOWN_CASE));
        } else if (path.equals("/articles")) {
            return Answer.json("[]");
        } else if (path.equals("/firm")) {
            return Answer.json("""
                    {"name":"明理法律事務所","timezone":"Asia/Taipei","languages":["zh-Hant","en"]}""");
        }
        return Answer.error(404);
    }

    @Override
    protected Map<String, String> moreConfig() {
        // The records above were written for this date: the next step of 2026-12-03 is still to come.
        return Map.of("casedesk.clock.start", "2026-11-20T10:00:00+08:00");
    }
}
