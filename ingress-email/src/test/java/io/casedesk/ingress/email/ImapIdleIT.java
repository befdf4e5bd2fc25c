package io.casedesk.ingress.email;

import io.casedesk.infra.test.KafkaTestClient;
import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.ingress.email.support.GreenMailTestResource;
import io.casedesk.ingress.email.support.TestEvents;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.Topics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static io.casedesk.ingress.email.support.GreenMailTestResource.MAILBOX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * IMAP IDLE against GreenMail: with a poll interval of ten minutes, a new mail still becomes an inbound event on
 * the real broker within seconds, also after the server dropped the connection (reconnect with backoff, test
 * delays 200 ms doubling up to 1 s). An application of its own (other resource arguments).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = GreenMailTestResource.class, initArgs = {
        @ResourceArg(name = "imap-mode", value = "idle"),
        @ResourceArg(name = "poll-interval", value = "10M")})
class ImapIdleIT {

    /** "About a second" on an idle machine; generous for a shared one. The poll interval is 600 s. */
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    @RegisterExtension
    static final KafkaTestClient kafka = new KafkaTestClient();

    @Test
    void aNewMailIsReadAsSoonAsTheServerReportsIt() throws Exception {
        // Twice: the second mail arrives while the reader is back in IDLE after the first one's pass.
        for (int i = 0; i < 2; i++) {
            Duration took = deliverAndAwaitEvent("When is my hearing? " + i);
            System.out.printf("IMAP IDLE: mail delivered to inbound event in %d ms%n", took.toMillis());
        }
    }

    @Test
    void aDroppedConnectionIsReopenedAndTheNextMailRead() throws Exception {
        GreenMailTestResource.stopImap();
        try {
            // Down for longer than a few reconnect attempts (200 ms, 400 ms, 800 ms, then every second).
            Thread.sleep(2_000);
        } finally {
            GreenMailTestResource.startImap();
        }

        deliverAndAwaitEvent("Are you there again?");
    }

    /** Delivers a mail and returns how long its inbound event took to arrive; fails when it takes longer than {@link #PROMPTLY}. */
    private static Duration deliverAndAwaitEvent(String text) throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@mail.example>";
        String eventId = EventIds.emailInbound(MAILBOX, messageId);
        long start = System.nanoTime();
        deliver("From: Customer <customer-" + UUID.randomUUID() + "@example.com>\r\nTo: " + MAILBOX
                + "\r\nSubject: Case question\r\nMessage-ID: " + messageId
                + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + text + "\r\n");
        List<ConsumerRecord<String, String>> read = kafka.readUntil(Topics.INBOUND,
                records -> records.stream().anyMatch(r -> eventId.equals(TestEvents.eventId(r))), PROMPTLY);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(read).extracting(TestEvents::eventId).as("inbound event within %s", PROMPTLY).contains(eventId);
        return took;
    }

    private static void deliver(String raw) throws Exception {
        GreenMailTestResource.mailbox().deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }

}
