package io.casedesk.ingress.email.mapping;

import io.casedesk.ingress.email.support.TestEvents;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.OutboundEmailMessage;
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
