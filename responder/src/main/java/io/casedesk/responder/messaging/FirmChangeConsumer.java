package io.casedesk.responder.messaging;

import io.casedesk.responder.service.KnowledgeBase;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.FirmChanged;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows {@code cs.firm.v1}: after an import the knowledge base and the firm's settings are read again on the next
 * message (and at once in the background), so a new firm's articles and languages take effect at once. Every instance reads every change (a group
 * of its own per start); one read at start-up is enough, so it starts from the latest.
 */
@ApplicationScoped
public class FirmChangeConsumer {

    private static final Logger LOG = Logger.getLogger(FirmChangeConsumer.class);

    private final KnowledgeBase knowledgeBase;

    public FirmChangeConsumer(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @Incoming("firm")
    public void consume(String record) {
        Envelope<EventPayload> envelope = EventCodec.shared().decode(record);
        if (envelope.payload() instanceof FirmChanged change) {
            knowledgeBase.reread();
            LOG.infof("The firm's data changed (%d articles); the knowledge base is read again", change.articles());
        }
    }
}
