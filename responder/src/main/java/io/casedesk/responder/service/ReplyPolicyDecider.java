package io.casedesk.responder.service;

import io.casedesk.responder.config.ResponderConfig;
import io.casedesk.responder.config.ResponderConfig.ReplyPolicy;
import io.casedesk.schema.Intent;
import io.casedesk.schema.Triage;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

/** DESIGN §4: the configured policy per intent, with needs-human and low confidence forcing a handoff. */
@ApplicationScoped
public class ReplyPolicyDecider {

    private final ResponderConfig config;

    public ReplyPolicyDecider(ResponderConfig config) {
        this.config = config;
    }

    public Decision decide(Triage triage) {
        if (triage.needsHuman() || triage.intent() == Intent.HUMAN_REQUEST) {
            return Decision.handoff("needs_human");
        }
        double confidence = triage.confidence().getOrDefault("intent", 1.0);
        if (confidence < config.minIntentConfidence()) {
            return Decision.handoff("low_confidence");
        }
        String label = triage.intent().name().toLowerCase(Locale.ROOT);
        ReplyPolicy policy = config.policy().getOrDefault(label, config.defaultPolicy());
        return policy == ReplyPolicy.HANDOFF ? Decision.handoff("policy:" + label) : new Decision(policy, "policy:" + label);
    }
}
