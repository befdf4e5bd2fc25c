package io.casedesk.responder.service;

import io.casedesk.responder.config.ResponderConfig.ReplyPolicy;

/** What the responder does with one message, and why. */
public record Decision(ReplyPolicy policy, String reason) {

    static Decision auto() {
        return new Decision(ReplyPolicy.AUTO, "policy");
    }

    static Decision handoff(String reason) {
        return new Decision(ReplyPolicy.HANDOFF, reason);
    }
}
