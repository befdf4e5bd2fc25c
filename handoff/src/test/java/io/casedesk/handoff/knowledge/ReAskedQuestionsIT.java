package io.casedesk.handoff.knowledge;

import io.casedesk.handoff.support.Broker;
import io.casedesk.handoff.support.KnowledgeTestBase;
import io.casedesk.handoff.support.TestEvents;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TurnKind;
import io.quarkus.test.junit.QuarkusTest;
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
