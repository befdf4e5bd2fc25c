package io.casedesk.ingress.email.reply;

import io.casedesk.ingress.email.support.TestEvents;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.OutboundEmailMessage;
import io.casedesk.schema.TraceContext;
import io.quarkus.mailer.Mail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReplyMailsTest {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Hearing date            | Re: Hearing date
            Re: Hearing date        | Re: Hearing date
            RE: re:Hearing date     | Re: Hearing date
            Re[2]: Hearing date     | Re: Hearing date
            回覆：開庭日期           | Re: 開庭日期
            Fwd: Hearing date       | Re: Fwd: Hearing date
            ''                      | Re:
            """)
    void putsExactlyOneReplyMarkerInFrontOfTheSubject(String original, String expected) {
        assertThat(ReplyMails.subject(original)).isEqualTo(expected);
    }

    @Test
    void quotesTheCustomersTextBelowTheAnswer() {
        assertThat(ReplyMails.body("Your hearing is on Monday.\n", "When is my hearing?\n\nThanks\n"))
                .isEqualTo("Your hearing is on Monday.\n\n> When is my hearing?\n>\n> Thanks\n");
        assertThat(ReplyMails.body("Noted.", null)).isEqualTo("Noted.");
    }

    @Test
    void theQuotedMessageCarriesNoIdCardAccountOrPhoneNumberBackOut() {
        Envelope<OutboundEmailMessage> outbound = TestEvents.outbound("lin@example.com");
        OutboundEmailMessage email = outbound.payload();
        String typed = "我的身分證字號是 L223456789，信用卡 4311 9522 0123 4567，帳號 700-0012-3456-789，"
                + "手機 0912-345-678。請問開庭日期？";
        Envelope<OutboundEmailMessage> quoting = Envelope.of(outbound.eventId(), outbound.occurredAt(),
                outbound.conversationId(), outbound.causationId(), null, new OutboundEmailMessage(email.mailbox(),
                        email.to(), email.subject(), email.text(), email.inReplyTo(), email.references(), typed,
                        email.inReplyToEventId(), email.answerKind()));

        Mail mail = ReplyMails.toMail(quoting, "firm.example");

        for (String body : List.of(mail.getText(), mail.getHtml())) {
            assertThat(body).contains("請問開庭日期")
                    .doesNotContain("L223456789", "4311 9522 0123 4567", "0123", "700-0012-3456-789", "0912-345-678");
        }
    }

    @Test
    void theHtmlPartEscapesTheTextAndQuotesTheCustomerBelow() {
        assertThat(ReplyMails.htmlBody("Fee <b>due</b> & payable", "When?"))
                .isEqualTo("<div style=\"white-space: pre-wrap\">Fee &lt;b&gt;due&lt;/b&gt; &amp; payable</div>"
                        + "<blockquote style=\"margin: 1em 0 0 0; padding-left: 1em; border-left: 2px solid #ccc;"
                        + " white-space: pre-wrap\">When?</blockquote>");
    }

    @Test
    void endsTheReferencesWithTheAnsweredMessage() {
        assertThat(ReplyMails.references(List.of("<a@x>", "<b@x>"), "<c@x>")).isEqualTo("<a@x> <b@x> <c@x>");
        assertThat(ReplyMails.references(List.of("<a@x>", "<c@x>"), "<c@x>")).isEqualTo("<a@x> <c@x>");
        assertThat(ReplyMails.references(List.of(), null)).isEmpty();
    }

    @Test
    void buildsAReplyInTheCustomersThread() {
        Envelope<OutboundEmailMessage> outbound = TestEvents.outbound("lin@example.com");

        Mail mail = ReplyMails.toMail(outbound, "firm.example");

        assertThat(mail.getTo()).containsExactly("lin@example.com");
        assertThat(mail.getFrom()).isEqualTo(TestEvents.MAILBOX);
        assertThat(mail.getSubject()).startsWith("Re: Case question ").doesNotContain("RE:");
        assertThat(mail.getHeaders()).containsEntry("Message-ID", List.of("<" + outbound.eventId() + "@firm.example>"))
                .containsEntry("In-Reply-To", List.of("<customer-2@mail.example>"))
                .containsEntry("References", List.of("<customer-1@mail.example> <customer-2@mail.example>"))
                .containsEntry("Auto-Submitted", List.of("auto-replied"));
        assertThat(mail.getText()).contains("> When is my hearing?");
        assertThat(mail.getHtml()).contains("<blockquote").contains("When is my hearing?");
    }

    @Test
    void theMailContinuesTheTraceOfTheOutboundEvent() {
        Envelope<OutboundEmailMessage> untraced = TestEvents.outbound("lin@example.com");
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        Mail traced = ReplyMails.toMail(Envelope.of(untraced.eventId(), untraced.occurredAt(), untraced.conversationId(),
                untraced.causationId(), traceparent, untraced.payload()), "firm.example");
        Mail withoutTrace = ReplyMails.toMail(untraced, "firm.example");

        TraceContext header = TraceContext.parse(traced.getHeaders().get(TraceContext.HEADER).get(0)).orElseThrow();
        assertThat(header.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(header.spanId()).isNotEqualTo("00f067aa0ba902b7");
        assertThat(TraceContext.isValid(withoutTrace.getHeaders().get(TraceContext.HEADER).get(0))).isTrue();
    }

    @Test
    void aMessageThatAnswersNothingKeepsItsSubjectAndIsMarkedAutoGenerated() {
        Envelope<OutboundEmailMessage> reply = TestEvents.outbound("lin@example.com");
        OutboundEmailMessage answer = reply.payload();
        OutboundEmailMessage code = new OutboundEmailMessage(answer.mailbox(), answer.to(), "您的驗證碼", "123456", null,
                List.of(), null, null, answer.answerKind());

        Mail mail = ReplyMails.toMail(Envelope.of(reply.eventId(), reply.occurredAt(), reply.conversationId(), null, null, code),
                "firm.example");

        assertThat(mail.getSubject()).isEqualTo("您的驗證碼");
        assertThat(mail.getHeaders()).containsEntry("Auto-Submitted", List.of("auto-generated"))
                .doesNotContainKeys("In-Reply-To", "References");
    }

    @Test
    void refusesHeaderValuesThatSpanLines() {
        Envelope<OutboundEmailMessage> outbound = TestEvents.outbound("lin@example.com\r\nBcc: all@example.com");

        assertThatIllegalArgumentException().isThrownBy(() -> ReplyMails.toMail(outbound, "firm.example"))
                .withMessageContaining("line break");
    }

    @Test
    void refusesARecipientThatIsNoAddress() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ReplyMails.toMail(TestEvents.outbound("Ms Lin"), "firm.example"));
    }
}
