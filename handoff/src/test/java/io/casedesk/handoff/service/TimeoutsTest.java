package io.casedesk.handoff.service;

import io.casedesk.handoff.model.CloseReason;
import io.casedesk.handoff.model.ReplyTarget;
import io.casedesk.handoff.model.Ticket;
import io.casedesk.handoff.model.TriageTags;
import io.casedesk.schema.Channel;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The ticket's timeouts against a fixed clock, step by step through a ticket's life. */
class TimeoutsTest {

    private static final Instant OPENED = Instant.parse("2026-11-23T02:00:00Z");

    private static final ReplyTarget NOWHERE = ReplyTarget.none(Channel.LINE);

    private final Timeouts timeouts = new Timeouts(Duration.ofSeconds(60), Duration.ofSeconds(180));

    @Test
    void theWaitingNoticeIsDueOnceAfterSixtySecondsWithoutAnAnswer() {
        Ticket ticket = waiting();

        assertThat(timeouts.waitingNoticeDue(ticket, at(59))).isFalse();
        assertThat(timeouts.waitingNoticeDue(ticket, at(60))).isTrue();
        ticket.waitingNoticeSent(at(60));
        assertThat(timeouts.waitingNoticeDue(ticket, at(600))).isFalse();
    }

    @Test
    void noWaitingNoticeOnceAnAgentAnswered() {
        Ticket ticket = waiting();
        ticket.assignTo("agent1", at(10));
        ticket.answered(at(30));

        assertThat(timeouts.waitingNoticeDue(ticket, at(120))).isFalse();
    }

    @Test
    void anOutOfHoursTicketWaitsFromTheNextWindow() {
        Ticket ticket = waiting();
        ticket.waitStartedAt = OPENED.plus(Duration.ofHours(15));

        assertThat(timeouts.waitingNoticeDue(ticket, OPENED.plus(Duration.ofHours(15)).plusSeconds(59))).isFalse();
        assertThat(timeouts.waitingNoticeDue(ticket, OPENED.plus(Duration.ofHours(15)).plusSeconds(60))).isTrue();
    }

    @Test
    void inactiveOnlyWhenTheAgentSpokeLastForThreeMinutes() {
        Ticket ticket = waiting();
        ticket.customerWrote(NOWHERE, at(0));
        ticket.assignTo("agent1", at(5));
        ticket.answered(at(10));

        assertThat(timeouts.inactive(ticket, at(189))).isFalse();
        assertThat(timeouts.inactive(ticket, at(190))).isTrue();
        // The customer answered: the agent owes the next message, nothing times out.
        ticket.customerWrote(NOWHERE, at(100));
        assertThat(timeouts.inactive(ticket, at(1000))).isFalse();
        // The agent answered again: three minutes from then.
        ticket.answered(at(200));
        assertThat(timeouts.inactive(ticket, at(379))).isFalse();
        assertThat(timeouts.inactive(ticket, at(380))).isTrue();
    }

    @Test
    void aTicketNoAgentAnsweredNeverTimesOutForInactivity() {
        Ticket ticket = waiting();
        ticket.assignTo("agent1", at(0));

        assertThat(timeouts.inactive(ticket, at(100_000))).isFalse();
    }

    @Test
    void theRatingQuestionIsOpenUntilItsDueTime() {
        Ticket ticket = waiting();
        ticket.close("agent:agent1", CloseReason.AGENT_CLOSED, at(0));
        ticket.askForRating(at(0), Duration.ofSeconds(600));

        assertThat(timeouts.ratingOpen(ticket, at(599))).isTrue();
        assertThat(timeouts.ratingExpired(ticket, at(599))).isFalse();
        assertThat(timeouts.ratingOpen(ticket, at(600))).isFalse();
        assertThat(timeouts.ratingExpired(ticket, at(600))).isTrue();
        ticket.rate(5, at(600));
        assertThat(timeouts.ratingExpired(ticket, at(900))).isFalse();
    }

    private static Ticket waiting() {
        Instant created = Clock.fixed(OPENED, ZoneOffset.UTC).instant();
        return new Ticket("ticket-1", "line:bot:customer", Channel.LINE, TriageTags.NONE, NOWHERE, created, created);
    }

    private static Instant at(int secondsAfterOpening) {
        return OPENED.plusSeconds(secondsAfterOpening);
    }
}
