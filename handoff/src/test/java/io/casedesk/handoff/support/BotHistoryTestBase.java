package io.casedesk.handoff.support;

import io.casedesk.schema.Topics;
import io.casedesk.schema.TurnKind;
import org.awaitility.Awaitility;

import java.time.Instant;

/** Handoff tests whose ticket has the bot's answer in its history: a question, the bot's answer, then the handoff. */
public abstract class BotHistoryTestBase extends HandoffTestBase {

    /** The customer's question before the handoff, with their mobile number. */
    public static final String QUESTION = "我的手機 0912-345-678，請問律師費怎麼算？";
    /** The bot's answer to it (turn {@link #ANSWER_TURN} of the ticket's history), with an account number. */
    public static final String BOT_ANSWER = "律師費為每小時 5000 元，請匯款至 822-012345678901。";
    public static final int ANSWER_TURN = 1;

    /**
     * A ticket of a new LINE customer assigned to {@code agent}, whose history is {@link #QUESTION}, {@link #BOT_ANSWER}
     * and a request for a person; the ticket id.
     */
    protected String ticketWithBotAnswer(String user, String agent) {
        String conversation = TestEvents.lineConversation(user);
        Instant now = clock.instant();
        broker.publish(Topics.CONVERSATION, TestEvents.turn(conversation, TurnKind.INBOUND, "customer", QUESTION,
                now.minusSeconds(60)));
        broker.publish(Topics.CONVERSATION, TestEvents.turn(conversation, TurnKind.ANSWER, "bot", BOT_ANSWER,
                now.minusSeconds(50)));
        Awaitility.await().atMost(Broker.TIMEOUT).until(() ->
                count("select count(*) from recent_turns where conversation_id = '" + conversation + "'") == 2);
        return assignedTicket(user, agent);
    }
}
