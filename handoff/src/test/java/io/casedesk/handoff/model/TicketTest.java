package io.casedesk.handoff.model;

import io.casedesk.handoff.model.ActionRefused.Reason;
import io.casedesk.schema.Channel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A ticket's transitions and the rules they enforce, without a database. */
class TicketTest {

    private static final Instant OPENED = Instant.parse("2026-11-23T02:00:00Z");
    private static final ReplyTarget LINE_CHAT = new ReplyTarget(Channel.LINE, "Ubot", "Ucustomer", "m-1", null, null,
            null, null, List.of(), "in-1", "我要找人");

    @Test
    void aNewTicketWaitsForAnAgent() {
        Ticket ticket = waiting();

        assertThat(ticket.state()).isEqualTo(TicketState.WAITING);
        assertThat(ticket.agent()).isNull();
        assertThat(ticket.closing()).isNull();
        assertThat(ticket.rating()).isNull();
        assertThat(ticket.triage()).isEqualTo(TriageTags.NONE);
    }

    @Test
    void assigningAWaitingTicketMakesItTheAgentsAndOnlyTheFirstAssignmentEndsTheTimeToAgent() {
        Ticket ticket = waiting();

        assertThat(ticket.assignTo("agent1", at(20))).isTrue();
        assertThat(ticket.state()).isEqualTo(TicketState.ASSIGNED);
        assertThat(ticket.agent()).isEqualTo("agent1");
        assertThat(ticket.assignedAt()).isEqualTo(at(20));

        assertThat(ticket.assignTo("supervisor", at(40))).isFalse();
        assertThat(ticket.agent()).isEqualTo("supervisor");
        assertThat(ticket.state()).isEqualTo(TicketState.ASSIGNED);
    }

    @Test
    void anotherAgentsTicketIsRefusedToAllButSupervisors() {
        Ticket ticket = waiting();
        ticket.requireActor("agent2", false);
        ticket.assignTo("agent1", at(10));

        ticket.requireActor("agent1", false);
        ticket.requireActor("supervisor", true);
        assertThatThrownBy(() -> ticket.requireActor("agent2", false))
                .isInstanceOfSatisfying(ActionRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ASSIGNED_TO_OTHER));
        assertThat(ticket.isAssignedTo("agent1")).isTrue();
        assertThat(ticket.isAssignedTo("agent2")).isFalse();
    }

    @Test
    void theFirstAnswerMakesTheTicketActiveAndEndsTheFirstResponseTimeOnce() {
        Ticket ticket = waiting();
        ticket.assignTo("agent1", at(10));

        assertThat(ticket.answered(at(30))).isTrue();
        assertThat(ticket.state()).isEqualTo(TicketState.ACTIVE);
        assertThat(ticket.firstResponseAt()).isEqualTo(at(30));
        assertThat(ticket.lastAgentMessageAt()).isEqualTo(at(30));

        assertThat(ticket.answered(at(90))).isFalse();
        assertThat(ticket.firstResponseAt()).isEqualTo(at(30));
        assertThat(ticket.lastAgentMessageAt()).isEqualTo(at(90));
    }

    @Test
    void noOneAnswersATicketNoOneOwns() {
        Ticket ticket = waiting();

        assertThatThrownBy(() -> ticket.answered(at(30))).isInstanceOf(IllegalStateException.class);
        assertThat(ticket.state()).isEqualTo(TicketState.WAITING);
    }

    @Test
    void answersGoWhereTheCustomersLatestReachableMessageCameFrom() {
        Ticket ticket = waiting();
        ReplyTarget email = new ReplyTarget(Channel.EMAIL, null, null, null, "support@casedesk.local",
                "chang@example.com", "Re: 案件", "<m-2@example.com>", List.of("<m-2@example.com>"), "in-2", "還在嗎");

        ticket.customerWrote(email, at(50));
        assertThat(ticket.replyTarget()).isEqualTo(email);
        assertThat(ticket.lastCustomerMessageAt()).isEqualTo(at(50));

        ticket.customerWrote(ReplyTarget.none(Channel.LINE), at(60));
        assertThat(ticket.replyTarget()).as("an unreachable message keeps the last address").isEqualTo(email);
        assertThat(ticket.lastCustomerMessageAt()).isEqualTo(at(60));
    }

    @Test
    void aPendingDraftIsApprovedEditedOrRejectedOnce() {
        Ticket approved = waiting();
        approved.proposeDraft("您的案件下次開庭是 12 月 3 日。");
        assertThat(approved.draft().pending()).isTrue();
        assertThat(approved.approveDraft()).isEqualTo("您的案件下次開庭是 12 月 3 日。");
        assertThat(approved.draft().state()).isEqualTo(DraftState.APPROVED);
        assertRefused(approved::approveDraft, Reason.NO_PENDING_DRAFT);
        assertRefused(approved::rejectDraft, Reason.NO_PENDING_DRAFT);

        Ticket edited = waiting();
        edited.proposeDraft("draft");
        edited.editDraft();
        assertThat(edited.draft()).isEqualTo(new Draft("draft", DraftState.EDITED));
        assertRefused(edited::editDraft, Reason.NO_PENDING_DRAFT);

        Ticket rejected = waiting();
        rejected.proposeDraft("draft");
        rejected.rejectDraft();
        assertThat(rejected.draft().state()).isEqualTo(DraftState.REJECTED);
        assertThat(rejected.draft().pending()).isFalse();
    }

    @Test
    void aNewDraftReplacesTheOneDecidedOn() {
        Ticket ticket = waiting();
        ticket.proposeDraft("first");
        ticket.rejectDraft();

        ticket.proposeDraft("second");

        assertThat(ticket.draft()).isEqualTo(Draft.pending("second"));
    }

    @Test
    void withoutADraftThereIsNothingToDecide() {
        Ticket ticket = waiting();

        assertThat(ticket.draft()).isNull();
        assertRefused(ticket::approveDraft, Reason.NO_PENDING_DRAFT);
    }

    @Test
    void closingRecordsWhenByWhomAndWhyAndAClosedTicketTakesNoMoreActions() {
        Ticket ticket = answered();

        ticket.close("agent:agent1", CloseReason.AGENT_CLOSED, at(120));

        assertThat(ticket.state()).isEqualTo(TicketState.CLOSED);
        assertThat(ticket.closing()).isEqualTo(new Closing(at(120), "agent:agent1", CloseReason.AGENT_CLOSED));
        assertRefused(() -> ticket.close("customer", CloseReason.CUSTOMER_CLOSED, at(130)), Reason.TICKET_CLOSED);
        assertRefused(() -> ticket.assignTo("agent2", at(130)), Reason.TICKET_CLOSED);
        assertRefused(() -> ticket.answered(at(130)), Reason.TICKET_CLOSED);
        assertThat(ticket.closing().at()).isEqualTo(at(120));
    }

    @Test
    void aCustomerWhoTalkedWithAPersonIsAskedToRateUnlessTheyWentQuiet() {
        Ticket talked = answered();
        talked.close("customer", CloseReason.CUSTOMER_CLOSED, at(100));
        assertThat(talked.rateable()).isTrue();

        Ticket quiet = answered();
        quiet.close("system", CloseReason.INACTIVITY, at(300));
        assertThat(quiet.rateable()).isFalse();

        Ticket neverAnswered = waiting();
        neverAnswered.close("customer", CloseReason.CUSTOMER_CLOSED, at(20));
        assertThat(neverAnswered.rateable()).isFalse();

        assertThat(waiting().rateable()).as("an open ticket").isFalse();
    }

    @Test
    void theRatingQuestionIsAnsweredOnceWhileItCounts() {
        Ticket ticket = answered();
        assertThatThrownBy(() -> ticket.askForRating(at(100), Duration.ofMinutes(10)))
                .as("an open ticket is not rated").isInstanceOf(IllegalStateException.class);
        ticket.close("agent:agent1", CloseReason.AGENT_CLOSED, at(100));

        ticket.askForRating(at(100), Duration.ofMinutes(10));
        assertThat(ticket.rating()).isEqualTo(new Rating(at(100), at(700), null, null));
        assertThat(ticket.rating().awaited()).isTrue();

        ticket.rate(5, at(200));
        assertThat(ticket.rating()).isEqualTo(new Rating(at(100), null, 5, at(200)));
        assertThat(ticket.rating().awaited()).isFalse();
        assertThatThrownBy(() -> ticket.rate(4, at(210))).isInstanceOf(IllegalStateException.class);
        assertThat(ticket.rating().score()).isEqualTo(5);
    }

    @Test
    void aRatingIsOneToFive() {
        Ticket ticket = answered();
        ticket.close("agent:agent1", CloseReason.AGENT_CLOSED, at(100));
        ticket.askForRating(at(100), Duration.ofMinutes(10));

        assertThatThrownBy(() -> ticket.rate(0, at(110))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ticket.rate(6, at(110))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ticket.rating().awaited()).isTrue();
    }

    @Test
    void anEndedRatingQuestionTakesNoAnswer() {
        Ticket ticket = answered();
        ticket.close("agent:agent1", CloseReason.AGENT_CLOSED, at(100));
        ticket.askForRating(at(100), Duration.ofMinutes(10));

        ticket.endRatingQuestion();

        assertThat(ticket.rating()).isEqualTo(new Rating(at(100), null, null, null));
        assertThatThrownBy(() -> ticket.rate(3, at(150))).isInstanceOf(IllegalStateException.class);
        Ticket neverAsked = waiting();
        neverAsked.endRatingQuestion();
        assertThat(neverAsked.rating()).isNull();
    }

    @Test
    void noticesAreRecordedWithTheirTime() {
        Ticket ticket = waiting();

        ticket.outOfHoursNoticeSent(at(0));
        ticket.waitingNoticeSent(at(60));

        assertThat(ticket.outOfHoursNoticeAt()).isEqualTo(at(0));
        assertThat(ticket.waitingNoticeAt()).isEqualTo(at(60));
    }

    @Test
    void everyEventOfTheTicketGetsTheNextNumber() {
        Ticket ticket = waiting();

        assertThat(ticket.nextSeq()).isEqualTo(1);
        assertThat(ticket.nextSeq()).isEqualTo(2);
    }

    @Test
    void theCodesAreTheLowerCaseNames() {
        assertThat(CloseReason.AGENT_CLOSED.code()).isEqualTo("agent_closed");
        assertThat(CaseSummaryStatus.UNKNOWN_CUSTOMER.code()).isEqualTo("unknown_customer");
        assertThat(Reason.NO_PENDING_DRAFT.code()).isEqualTo("no_pending_draft");
        assertThat(Reason.EMPTY_TEXT.invalidRequest()).isTrue();
        assertThat(Reason.TICKET_CLOSED.invalidRequest()).isFalse();
    }

    private static Ticket waiting() {
        return new Ticket("ticket-1", "line:Ubot:Ucustomer", Channel.LINE, null, LINE_CHAT, OPENED, OPENED);
    }

    /** Assigned to agent1 and answered. */
    private static Ticket answered() {
        Ticket ticket = waiting();
        ticket.assignTo("agent1", at(10));
        ticket.answered(at(30));
        return ticket;
    }

    private static void assertRefused(Runnable action, Reason reason) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ActionRefused.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static Instant at(int secondsAfterOpening) {
        return OPENED.plusSeconds(secondsAfterOpening);
    }
}
