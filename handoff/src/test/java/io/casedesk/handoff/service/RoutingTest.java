package io.casedesk.handoff.service;

import io.casedesk.handoff.service.Routing.AgentLoad;
import io.casedesk.handoff.service.Routing.Candidate;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.Intent;
import io.casedesk.schema.Urgency;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void vipFirstThenAngryOrHighUrgencyThenEveryone() {
        assertThat(Routing.priority(true, Emotion.NEUTRAL, Urgency.LOW)).isEqualTo(Routing.PRIORITY_VIP);
        assertThat(Routing.priority(true, Emotion.ANGRY, Urgency.HIGH)).isEqualTo(Routing.PRIORITY_VIP);
        assertThat(Routing.priority(false, Emotion.ANGRY, Urgency.LOW)).isEqualTo(Routing.PRIORITY_URGENT);
        assertThat(Routing.priority(false, Emotion.ANXIOUS, Urgency.HIGH)).isEqualTo(Routing.PRIORITY_URGENT);
        assertThat(Routing.priority(false, Emotion.ANXIOUS, Urgency.MEDIUM)).isEqualTo(Routing.PRIORITY_NORMAL);
        assertThat(Routing.priority(false, null, null)).isEqualTo(Routing.PRIORITY_NORMAL);
        assertThat(Routing.notifiesSupervisor(Routing.PRIORITY_VIP)).isTrue();
        assertThat(Routing.notifiesSupervisor(Routing.PRIORITY_URGENT)).isTrue();
        assertThat(Routing.notifiesSupervisor(Routing.PRIORITY_NORMAL)).isFalse();
    }

    @Test
    void ordersByPriorityThenLongestWaiting() {
        List<Candidate> tickets = new ArrayList<>(List.of(
                candidate("normal-old", Routing.PRIORITY_NORMAL, 0),
                candidate("urgent-new", Routing.PRIORITY_URGENT, 50),
                candidate("vip-new", Routing.PRIORITY_VIP, 90),
                candidate("urgent-old", Routing.PRIORITY_URGENT, 10),
                candidate("normal-new", Routing.PRIORITY_NORMAL, 60)));

        tickets.sort(Routing.ORDER);

        assertThat(tickets).extracting(Candidate::id)
                .containsExactly("vip-new", "urgent-old", "urgent-new", "normal-old", "normal-new");
    }

    @Test
    void queuesAreIntentAndLanguage() {
        assertThat(Routing.queue(Intent.COMPLAINT, "zh-Hant")).isEqualTo("complaint/zh-Hant");
        assertThat(Routing.queue(Intent.HUMAN_REQUEST, "en")).isEqualTo("human_request/en");
        assertThat(Routing.queue(null, null)).isEqualTo("other/und");
    }

    @Test
    void picksTheLeastLoadedOnlineAgentWithSpareCapacityWhoServesTheQueue() {
        Candidate ticket = candidate("t", Routing.PRIORITY_NORMAL, 0);
        List<AgentLoad> agents = List.of(
                new AgentLoad("offline", false, 3, 0, List.of("*"), List.of("*")),
                new AgentLoad("full", true, 2, 2, List.of("*"), List.of("*")),
                new AgentLoad("english", true, 3, 0, List.of("en"), List.of("*")),
                new AgentLoad("billing-only", true, 3, 0, List.of("*"), List.of("billing")),
                new AgentLoad("busy", true, 3, 2, List.of("zh"), List.of("*")),
                new AgentLoad("free", true, 3, 1, List.of("zh-Hant", "en"), List.of("complaint", "case_status")));

        assertThat(Routing.pickAgent(ticket, agents)).map(AgentLoad::name).contains("free");
    }

    @Test
    void tiesGoToTheFirstNameSoTheChoiceIsStable() {
        Candidate ticket = candidate("t", Routing.PRIORITY_NORMAL, 0);
        List<AgentLoad> agents = List.of(
                new AgentLoad("bo", true, 3, 1, List.of("*"), List.of("*")),
                new AgentLoad("amy", true, 3, 1, List.of("*"), List.of("*")));

        assertThat(Routing.pickAgent(ticket, agents)).map(AgentLoad::name).contains("amy");
    }

    @Test
    void nobodyTakesATicketWhenNoOneServesItOrHasRoom() {
        Candidate ticket = candidate("t", Routing.PRIORITY_VIP, 0);

        assertThat(Routing.pickAgent(ticket, List.of(new AgentLoad("en", true, 3, 0, List.of("en"), List.of("*")),
                new AgentLoad("full", true, 1, 1, List.of("*"), List.of("*"))))).isEmpty();
        assertThat(Routing.pickAgent(ticket, List.of())).isEmpty();
    }

    private static Candidate candidate(String id, int priority, int secondsAfterStart) {
        return new Candidate(id, "complaint", "zh-Hant", priority, T0.plusSeconds(secondsAfterStart));
    }
}
