package io.casedesk.ingress.email.service;

import io.casedesk.schema.DeliveryStatus;
import io.quarkus.mailer.Mail;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpSenderTest {

    private final Mail mail = Mail.withText("lin@example.com", "Re: Hearing", "Monday.");

    @Test
    void reportsASentMail() {
        SmtpSender sender = new SmtpSender(mails -> {
        });

        assertThat(sender.send(mail)).isEqualTo(new SmtpSender.Outcome(DeliveryStatus.SENT, null));
    }

    @Test
    void reportsAFailureWithoutTheServersWords() {
        SmtpSender sender = new SmtpSender(mails -> {
            throw new CompletionException(new IllegalStateException("550 5.1.1 <lin@example.com>: Recipient rejected"));
        });

        SmtpSender.Outcome outcome = sender.send(mail);

        assertThat(outcome.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(outcome.detail()).isEqualTo("IllegalStateException 550");
    }
}
