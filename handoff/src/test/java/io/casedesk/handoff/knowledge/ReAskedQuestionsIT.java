package io.casedesk.handoff.knowledge;

import io.casedesk.handoff.service.ConversationLog;
import io.casedesk.handoff.support.Broker;
import io.casedesk.handoff.support.KnowledgeTestBase;
import io.casedesk.handoff.support.TestEvents;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TurnKind;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Questions the customer asks again right after the bot's own answer are knowledge gaps ({@code re_asked}), read from
 * the audit log through the broker: only a rewording, only soon after, only after the bot's own answer, once.
 */
@QuarkusTest
class ReAskedQuestionsIT extends KnowledgeTestBase {

    private static final String FEES = "請問律師費怎麼算？我的電話 0912-345-678";
    private static final String FEES_REDACTED = "請問律師費怎麼算？我的電話 [phone]";
    private static final String FEES_AGAIN = "所以律師費到底要多少錢？";
    private static final String ANSWER = "律師費依案件類型計算，詳見收費標準。";

    @Inject
    ConversationLog conversationLog;

    @Test
    void aQuestionAskedAgainSoonAfterTheBotsOwnAnswerIsAGapOnce() {
        Instant now = clock.instant();
        Envelope<ConversationTurn> reAsked = conversation(FEES, "auto", FEES_AGAIN, now, 90);
        Envelope<ConversationTurn> reAskedEnglish = conversation("How much is a consultation?", "auto",
                "But what does the consultation cost?", now, 30);
        // Not gaps: a thank-you; the same question asked again after ten minutes; after a system text.
        Envelope<ConversationTurn> thanks = conversation(FEES, "auto", "好的，謝謝你", now, 60);
        Envelope<ConversationTurn> late = conversation(FEES, "auto", FEES_AGAIN, now, 600);
        Envelope<ConversationTurn> afterSystem = conversation(FEES, "system", FEES_AGAIN, now, 60);
        // The answer's time comes from another service's clock, two hours behind the channel's: still 60 s after the
        // question, so a gap.
        Envelope<ConversationTurn> skewed = conversation("事務所在哪裡？", "auto", "事務所到底在哪裡，幾樓？", now, 60, -7200);
        // A redelivered turn records nothing more.
        broker.publish(Topics.CONVERSATION, reAsked);

        for (Envelope<ConversationTurn> turn : List.of(reAsked, reAskedEnglish, thanks, late, afterSystem, skewed)) {
            await().atMost(Broker.TIMEOUT).until(() -> count("select count(*) from recent_turns where conversation_id = '"
                    + turn.conversationId() + "'") == 3);
        }
        assertThat(rows("select question || '|' || language || '|' || reason || '|' || coalesce(ticket_id, '-') "
                + "from knowledge_gaps")).containsExactlyInAnyOrder(
                FEES_REDACTED + "|zh-Hant|re_asked|-",
                "How much is a consultation?|en|re_asked|-",
                "事務所在哪裡？|zh-Hant|re_asked|-");
        assertThat(rows("select event_id from knowledge_gaps where question = '" + FEES_REDACTED + "'"))
                .containsExactly(reAsked.eventId());

        awaitGrouped(3);
        assertThat(groupOf(FEES_REDACTED).getString("questions[0].reason")).isEqualTo("re_asked");
    }

    /**
     * One group commit with a whole exchange: the question, the bot's answer, the question asked again (twice in the
     * group, as a redelivered record is), then the bot's next answer and a thank-you. The re-asking turn is judged on
     * the turns before it, not on the group's later ones, and recorded once; a fourth conversation's turns in the same
     * group change nothing for it.
     */
    private static final String TRICKY = "A \"quoted\", {braced} NULL text, back\\slash; 50% 'off'";

    @Test
    void aReAskInsideOneGroupIsJudgedOnTheTurnsBeforeIt() {
        Instant asked = clock.instant().minusSeconds(120);
        String conversation = TestEvents.lineConversation(TestEvents.newLineUser("U"));
        String other = TestEvents.lineConversation(TestEvents.newLineUser("U"));
        Envelope<ConversationTurn> reAsked = TestEvents.turn(conversation, TurnKind.INBOUND, "customer", FEES_AGAIN,
                asked.plusSeconds(60));
        List<Envelope<ConversationTurn>> group = List.of(
                TestEvents.turn(conversation, TurnKind.INBOUND, "customer", FEES, asked),
                TestEvents.turn(other, TurnKind.INBOUND, "customer", "你好", asked),
                TestEvents.turn(conversation, TurnKind.ANSWER, "bot", ANSWER, "auto", asked.plusSeconds(5)),
                TestEvents.turn(other, TurnKind.ANSWER, "bot", TRICKY, "auto", asked.plusSeconds(5)),
                reAsked,
                reAsked,
                TestEvents.turn(conversation, TurnKind.ANSWER, "bot", ANSWER, "auto", asked.plusSeconds(65)),
                TestEvents.turn(conversation, TurnKind.INBOUND, "customer", "好的，謝謝你", asked.plusSeconds(70)));

        conversationLog.onTurns(group);
        conversationLog.onTurns(List.of(reAsked));

        assertThat(rows("select question || '|' || reason from knowledge_gaps where event_id = '" + reAsked.eventId()
                + "'")).containsExactly(FEES_REDACTED + "|re_asked");
        assertThat(rows("select text from recent_turns where conversation_id = '" + conversation + "' order by id"))
                .containsExactly(FEES, ANSWER, FEES_AGAIN, ANSWER, "好的，謝謝你");
        assertThat(rows("select inbound_turns || '/' || bot_answers from conversation_days where conversation_id = '"
                + conversation + "'")).containsExactly("3/2");
        assertThat(rows("select count(*) from knowledge_gaps where question = '你好'")).containsExactly("0");
        // The turns go to the database as arrays: quotes, commas, braces and backslashes arrive as they were.
        assertThat(rows("select text from recent_turns where conversation_id = '" + other + "' order by id"))
                .containsExactly("你好", TRICKY);
    }

    /**
     * A new conversation: a question, the bot's answer of {@code answerKind}, then {@code secondsLater} the customer's
     * next message, whose turn is returned.
     */
    private Envelope<ConversationTurn> conversation(String question, String answerKind, String next, Instant now,
                                                    int secondsLater) {
        return conversation(question, answerKind, next, now, secondsLater, 0);
    }

    /** The same, with the answer's time off by {@code answerClockSkewSeconds} (its service's clock is not the channel's). */
    private Envelope<ConversationTurn> conversation(String question, String answerKind, String next, Instant now,
                                                    int secondsLater, int answerClockSkewSeconds) {
        String conversation = TestEvents.lineConversation(TestEvents.newLineUser("U"));
        Instant asked = now.minusSeconds(secondsLater + 10);
        broker.publish(Topics.CONVERSATION, TestEvents.turn(conversation, TurnKind.INBOUND, "customer", question, asked));
        broker.publish(Topics.CONVERSATION, TestEvents.turn(conversation, TurnKind.ANSWER, "bot", ANSWER, answerKind,
                asked.plusSeconds(5 + answerClockSkewSeconds)));
        Envelope<ConversationTurn> turn = TestEvents.turn(conversation, TurnKind.INBOUND, "customer", next,
                asked.plusSeconds(5 + secondsLater));
        broker.publish(Topics.CONVERSATION, turn);
        return turn;
    }
}
