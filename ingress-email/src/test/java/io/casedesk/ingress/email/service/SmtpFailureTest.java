package io.casedesk.ingress.email.service;

import io.vertx.ext.mail.SMTPException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpFailureTest {

    @Test
    void aRejectedRecipientIsPermanentAndNamedByItsReplyCodeOnly() {
        SmtpFailure failure = SmtpFailure.of(new CompletionException(new SMTPException(
                "550 5.1.1 <lin@example.com>: Recipient rejected", 550, List.of("5.1.1 <lin@example.com>"), false)));

        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.detail()).isEqualTo("SMTPException 550");
    }

    @Test
    void aServerThatAsksToComeBackLaterIsTransient() {
        SmtpFailure failure = SmtpFailure.of(new SMTPException("421 4.3.2 try later", 421, List.of("try later"), false));

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.detail()).isEqualTo("SMTPException 421");
    }

    @Test
    void aRefusedLostOrSilentConnectionIsTransient() {
        assertThat(SmtpFailure.of(new CompletionException(new ConnectException("Connection refused: /127.0.0.1:25"))))
                .satisfies(failure -> assertThat(failure.isTransient()).isTrue())
                .satisfies(failure -> assertThat(failure.detail()).isEqualTo("ConnectException"));
        assertThat(SmtpFailure.of(new IOException("Connection was closed")).isTransient()).isTrue();
        assertThat(SmtpFailure.of(new RuntimeException(new TimeoutException("timed out"))).isTransient()).isTrue();
    }

    @Test
    void aMailThatCannotBeWrittenIsPermanent() {
        SmtpFailure failure = SmtpFailure.of(new IllegalArgumentException("invalid email address"));

        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.detail()).isEqualTo("IllegalArgumentException");
    }

    @Test
    void aPermanentReplyCodeInAnotherExceptionsMessageIsNotRetried() {
        SmtpFailure failure = SmtpFailure.of(new IOException("554 5.7.1 relay denied for lin@example.com"));

        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.detail()).isEqualTo("IOException 554");
    }
}
