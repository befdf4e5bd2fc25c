package io.casedesk.launcher;

import io.casedesk.launcher.AnswerDiff.Kind;
import io.casedesk.launcher.AnswerDiff.Outcome;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.Intent;
import io.casedesk.schema.TriagedMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerDiffTest {

    private static final Instant AT = Instant.parse("2026-11-21T08:00:00Z");

    @Test
    void classifiesEachKindOfDifference() {
        Outcome answer = new Outcome("您好，\n營業時間是平日 9:00-18:00。", null, null);
        Outcome handoff = new Outcome("已為您轉接專人。", "needs_human", null);

        assertThat(AnswerDiff.classify(answer, answer)).isEqualTo(Kind.SAME);
        assertThat(AnswerDiff.classify(Outcome.NONE, Outcome.NONE)).isEqualTo(Kind.SAME);
        assertThat(AnswerDiff.classify(answer, new Outcome("您好，\n營業時間是平日 9:00-17:30。", null, null))).isEqualTo(Kind.CHANGED);
        assertThat(AnswerDiff.classify(answer, handoff)).isEqualTo(Kind.HANDOFF);
        assertThat(AnswerDiff.classify(handoff, answer)).isEqualTo(Kind.HANDOFF);
        assertThat(AnswerDiff.classify(answer, Outcome.NONE)).isEqualTo(Kind.MISSING);
        assertThat(AnswerDiff.classify(Outcome.NONE, answer)).isEqualTo(Kind.NEW);
    }

    @Test
    void matchesAnswersToTheirMessagesByDerivedIdAndPrefersTheOriginalRecording() {
        Envelope<TriagedMessage> asked = ReplayEvents.triaged(ReplayEvents.strangerConversation(), Intent.GENERAL_INFO, false, AT);
        Envelope<TriagedMessage> other = ReplayEvents.triaged(ReplayEvents.strangerConversation(), Intent.GENERAL_INFO, false, AT);
        AnswerDiff.Outcomes recorded = new AnswerDiff.Outcomes(List.of(asked.eventId()), true);

        assertThat(recorded.accept(any(ReplayEvents.answer(other, "not ours", false)))).isFalse();
        assertThat(recorded.accept(any(ReplayEvents.answer(asked, "original", false)))).isTrue();
        recorded.accept(any(ReplayEvents.answer(asked, "from an earlier replay", true)));
        recorded.accept(any(ReplayEvents.handoff(asked, "draft", "a draft")));

        assertThat(recorded.of(asked.eventId())).isEqualTo(new Outcome("original", "draft", "a draft"));
        assertThat(recorded.has(other.eventId())).isFalse();
    }

    @Test
    void printsUnchangedChangedHandoffAndMissingWithASummary() {
        var same = ReplayEvents.triaged(ReplayEvents.strangerConversation(), Intent.GENERAL_INFO, false, AT);
        var changed = ReplayEvents.triaged(ReplayEvents.strangerConversation(), Intent.GENERAL_INFO, false, AT.plusSeconds(1));
        var handedOff = ReplayEvents.triaged(ReplayEvents.strangerConversation(), Intent.HUMAN_REQUEST, true, AT.plusSeconds(2));
        var missing = ReplayEvents.triaged(ReplayEvents.strangerConversation(), Intent.GENERAL_INFO, false, AT.plusSeconds(3));
        List<SelectedRecord> replayed = List.of(ReplayEvents.selected(same, 1), ReplayEvents.selected(changed, 2),
                ReplayEvents.selected(handedOff, 3), ReplayEvents.selected(missing, 4));
        List<String> ids = replayed.stream().map(SelectedRecord::eventId).toList();
        AnswerDiff.Outcomes recorded = new AnswerDiff.Outcomes(ids, true);
        AnswerDiff.Outcomes shadow = new AnswerDiff.Outcomes(ids, false);
        recorded.accept(any(ReplayEvents.answer(same, "您好，營業時間是平日 9:00-18:00。", false)));
        shadow.accept(any(ReplayEvents.answer(same, "您好，營業時間是平日 9:00-18:00。", true)));
        recorded.accept(any(ReplayEvents.answer(changed, "您好，\n營業時間是平日 9:00-18:00。\n祝順心", false)));
        shadow.accept(any(ReplayEvents.answer(changed, "您好，\n營業時間是平日 9:00-17:30。\n祝順心", true)));
        recorded.accept(any(ReplayEvents.answer(handedOff, "我們的律師會再與您聯繫。", false)));
        shadow.accept(any(ReplayEvents.answer(handedOff, "已為您轉接專人。", true)));
        shadow.accept(any(ReplayEvents.handoff(handedOff, "needs_human", null)));
        recorded.accept(any(ReplayEvents.answer(missing, "您好。", false)));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<Kind, Integer> counts = AnswerDiff.print(AnswerDiff.compare(replayed, recorded, shadow),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);

        assertThat(counts).containsEntry(Kind.SAME, 1).containsEntry(Kind.CHANGED, 1).containsEntry(Kind.HANDOFF, 1)
                .containsEntry(Kind.MISSING, 1).containsEntry(Kind.NEW, 0);
        assertThat(printed).contains("= unchanged  2026-11-21T08:00:00Z  " + same.conversationId() + "  general_info/zh-Hant  event " + same.eventId())
                .contains("~ changed  2026-11-21T08:00:01Z")
                .contains("""
                            您好，
                          - 營業時間是平日 9:00-18:00。
                          + 營業時間是平日 9:00-17:30。
                            祝順心
                        """)
                .contains("! new handoff (needs_human)  2026-11-21T08:00:02Z")
                .contains("""
                          - 我們的律師會再與您聯繫。
                          + [handoff: needs_human]
                          + 已為您轉接專人。
                        """)
                .contains("? missing  2026-11-21T08:00:03Z")
                .contains("  - 您好。\n  + [no shadow answer]")
                .endsWith("4 replayed: 1 same, 1 changed, 1 handoff changes, 1 missing, 0 new\n");
    }

    @SuppressWarnings("unchecked")
    private static Envelope<EventPayload> any(Envelope<? extends EventPayload> envelope) {
        return (Envelope<EventPayload>) envelope;
    }
}
