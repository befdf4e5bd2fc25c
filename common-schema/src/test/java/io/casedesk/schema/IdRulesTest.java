package io.casedesk.schema;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdRulesTest {

    @Test
    void redeliveredInputGetsTheSameEventId() {
        assertThat(EventIds.lineInbound("01FZ74A0TDDPYRVKNK77XKC3ZR"))
                .isEqualTo(EventIds.lineInbound("01FZ74A0TDDPYRVKNK77XKC3ZR"))
                .isNotEqualTo(EventIds.lineInbound("01FZ74A0TDDPYRVKNK77XKC3ZS"));
        assertThat(EventIds.emailInbound("Service@Mingli.example.com", "<ABC@mail.example.com>"))
                .isEqualTo(EventIds.emailInbound("service@mingli.example.com", "abc@mail.example.com"));
    }

    @Test
    void derivedIdsDependOnParentAndPurposeAndAreUuids() {
        String inbound = EventIds.lineInbound("01FZ74A0TDDPYRVKNK77XKC3ZR");
        String answer = EventIds.derive(inbound, "answer");

        assertThat(answer).isEqualTo(EventIds.derive(inbound, "answer"))
                .isNotEqualTo(EventIds.derive(inbound, "triage"))
                .isNotEqualTo(inbound);
        // LINE's X-Line-Retry-Key must be a UUID.
        assertThat(UUID.fromString(answer).toString()).isEqualTo(answer);
    }

    @Test
    void channelsOfDifferentKindsNeverShareAnId() {
        assertThat(EventIds.lineInbound("x")).isNotEqualTo(EventIds.emailInbound("m", "x"))
                .isNotEqualTo(EventIds.derive("x", "x"));
    }

    @Test
    void conversationIdsFollowTheDesignRules() {
        assertThat(ConversationIds.line("Ubot", "U123")).isEqualTo("line:Ubot:U123");
        assertThat(ConversationIds.email("Service@Mingli.example.com", " Chang@Example.com "))
                .isEqualTo("email:service@mingli.example.com:chang@example.com");
        assertThat(ConversationIds.channelOf("line:Ubot:U123")).isEqualTo(Channel.LINE);
        assertThat(ConversationIds.channelOf("email:a:b")).isEqualTo(Channel.EMAIL);
        assertThat(ConversationIds.channelOf("sms:1")).isEqualTo(Channel.UNKNOWN);
        assertThatThrownBy(() -> ConversationIds.line("Ubot", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversationIds.line("Ubot", "a:b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void followingAnEventKeepsConversationAndTraceAndRecordsTheCause() {
        Envelope<EventPayload> inbound = EventSamples.envelope(EventType.INBOUND_MESSAGE, EventSamples.lineInbound());
        Envelope<TriagedMessage> triaged = inbound.follow("triage", EventSamples.AT,
                new TriagedMessage(EventSamples.lineInbound(), EventSamples.triage()));

        assertThat(triaged.eventId()).isEqualTo(EventIds.derive(inbound.eventId(), "triage"));
        assertThat(triaged.causationId()).isEqualTo(inbound.eventId());
        assertThat(triaged.conversationId()).isEqualTo(inbound.conversationId());
        assertThat(triaged.traceparent()).isEqualTo(inbound.traceparent());
        assertThat(triaged.type()).isEqualTo("triaged.message");
    }

    @Test
    void everyTopicHasADeadLetterTopicAndOnlyTheStateAndFirmTopicsAreCompacted() {
        assertThat(Topics.allWithDeadLetters()).hasSize(Topics.ALL.size() * 2);
        assertThat(Topics.dlq(Topics.INBOUND)).isEqualTo("cs.inbound.v1.dlq");
        assertThat(Topics.ALL).filteredOn(Topics.TopicSpec::compacted).extracting(Topics.TopicSpec::name)
                .containsExactly(Topics.CONVERSATION_STATE, Topics.FIRM);
        assertThat(Topics.outbound(Channel.EMAIL)).isEqualTo(Topics.OUTBOUND_EMAIL);
    }
}
