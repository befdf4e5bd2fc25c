package io.casedesk.handoff.mapping;

import io.casedesk.handoff.model.ReplyTarget;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.service.OutgoingEvent;
import io.casedesk.schema.AnswerKind;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationMode;
import io.casedesk.schema.ConversationState;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.OutboundEmailMessage;
import io.casedesk.schema.OutboundLineMessage;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.TurnKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a ticket causes. Every id derives from the ticket id and the ticket's event sequence, so a
 * change that is retried after a failed commit publishes the very same ids and is deduplicated downstream.
 */
public final class TicketEvents {

    /** Who owns the conversation now, on the compacted state topic. */
    public static OutgoingEvent state(Ticket ticket, ConversationMode mode, String agent, String reason, Instant now) {
        String id = EventIds.derive(ticket.id, "state-" + ticket.nextSeq());
        return new OutgoingEvent(Topics.CONVERSATION_STATE, Envelope.of(id, now, ticket.conversationId,
                ticket.handoffEventId, ticket.traceparent, new ConversationState(mode, agent, reason)));
    }

    /** A state change that belongs to no ticket: a pause switch. */
    public static OutgoingEvent control(String conversationId, int version, ConversationMode mode, String by,
                                        String reason, Instant now) {
        String id = EventIds.derive("control:" + conversationId, "state-" + version);
        return new OutgoingEvent(Topics.CONVERSATION_STATE, Envelope.of(id, now, conversationId, null,
                TraceContext.newTrace().traceparent(), new ConversationState(mode, by, reason)));
    }

    /** A text to the customer on their channel, plus its audit-log turn. */
    public static List<OutgoingEvent> toCustomer(Ticket ticket, ReplyTarget target, String eventId, String text,
                                                 AnswerKind kind, String actor, Instant now) {
        String causation = target.inboundEventId() != null ? target.inboundEventId() : ticket.handoffEventId;
        EventPayload message;
        String topic;
        if (target.channel() == Channel.EMAIL) {
            message = new OutboundEmailMessage(target.mailbox(), target.emailTo(), target.subject(), text,
                    target.messageId(), target.references(), target.inboundText(), target.inboundEventId(), kind);
            topic = Topics.OUTBOUND_EMAIL;
        } else {
            // No reply token: it is long expired when a person answers, so LINE gets a push.
            message = new OutboundLineMessage(target.lineDestination(), target.lineTo(), null, null,
                    target.inboundEventId(), target.lineMessageId(), List.of(text), kind);
            topic = Topics.OUTBOUND_LINE;
        }
        List<OutgoingEvent> events = new ArrayList<>();
        events.add(new OutgoingEvent(topic,
                Envelope.of(eventId, now, ticket.conversationId, causation, ticket.traceparent, message)));
        TurnKind turnKind = actor.startsWith("agent:") ? TurnKind.AGENT_REPLY : TurnKind.ANSWER;
        events.add(turn(ticket, EventIds.derive(eventId, "turn"), turnKind, actor, text,
                kind.name().toLowerCase(java.util.Locale.ROOT), now));
        return events;
    }

    public static OutgoingEvent turn(Ticket ticket, String eventId, TurnKind kind, String actor, String text,
                                     String detail, Instant now) {
        ConversationTurn turn = new ConversationTurn(kind, ticket.channel, ticket.customer.identity(),
                ticket.customer.ref(), actor, text, null, detail);
        return new OutgoingEvent(Topics.CONVERSATION, Envelope.of(eventId, now, ticket.conversationId,
                ticket.handoffEventId, ticket.traceparent, turn));
    }

    private TicketEvents() {
    }
}
