package io.casedesk.ingress.email;

import io.casedesk.infra.test.KafkaTestClient;
import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.ingress.email.support.GreenMailTestResource;
import io.casedesk.ingress.email.support.RejectingSmtpServer;
import io.casedesk.ingress.email.support.TestEvents;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.DeliveryReport;
import io.casedesk.schema.DeliveryStatus;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.OutboundEmailMessage;
import io.casedesk.schema.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SMTP failures against real servers and the real broker: a mail server that is down for a moment is waited for
 * (retries with backoff, test delays 200 ms doubling up to 2 s, 5 retries) and the answer goes out once; a server
 * that refuses the recipient (550) is not asked again, and the answer is reported failed and handed to a person.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GreenMailTestResource.class)
class SmtpDeliveryFailureIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final KafkaTestClient kafka = new KafkaTestClient();

    @Inject
    MeterRegistry registry;

    @Test
    void aMailServerThatIsDownForAMomentGetsTheAnswerOnceAfterRetries() throws Exception {
        Envelope<OutboundEmailMessage> outbound = TestEvents.outbound(customer());
        double retriesBefore = retries();

        GreenMailTestResource.stopSmtp();
        try {
            publish(outbound);
            // The first attempt met a refused connection and a retry is scheduled: the server comes back.
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> retries() > retriesBefore);
        } finally {
            GreenMailTestResource.startSmtp();
        }

        await().atMost(TIMEOUT).until(() -> !mailsWithId(outbound).isEmpty());
        ConsumerRecord<String, String> sent = recordOf(Topics.DELIVERY, EventIds.derive(outbound.eventId(), "delivery:sent"));
        assertThat(EventCodec.shared().decode(sent.value()).as(DeliveryReport.class).payload().status())
                .isEqualTo(DeliveryStatus.SENT);
        // The failed attempts were retries, not outcomes: no failure report, one mail.
        assertThat(kafka.readUntil(Topics.DELIVERY, read -> false, Duration.ofSeconds(2)))
                .extracting(TestEvents::eventId)
                .doesNotContain(EventIds.derive(outbound.eventId(), "delivery:failed"));
        assertThat(mailsWithId(outbound)).hasSize(1);
    }

    @Test
    void aMailServerThatStaysDownOutlastsTheRetriesAndTheAnswerIsHandedToAPerson() throws Exception {
        Envelope<OutboundEmailMessage> outbound = TestEvents.outbound(customer());
        double retriesBefore = retries();

        GreenMailTestResource.stopSmtp();
        try {
            publish(outbound);

            DeliveryReport report = EventCodec.shared().decode(recordOf(Topics.DELIVERY,
                    EventIds.derive(outbound.eventId(), "delivery:failed")).value()).as(DeliveryReport.class).payload();
            assertThat(report.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(report.detail()).isEqualTo("ConnectException; 6 attempts");
        } finally {
            GreenMailTestResource.startSmtp();
        }
        assertThat(retries() - retriesBefore).isEqualTo(5);
        assertHandedToAPerson(outbound);
    }

    @Test
    void aRejectedRecipientIsReportedFailedAtOnceAndHandedToAPerson() throws Exception {
        Envelope<OutboundEmailMessage> outbound = TestEvents.outbound(customer());
        double retriesBefore = retries();
        RejectingSmtpServer rejecting;

        GreenMailTestResource.stopSmtp();
        rejecting = new RejectingSmtpServer(GreenMailTestResource.smtpPort());
        try {
            publish(outbound);

            ConsumerRecord<String, String> failed = recordOf(Topics.DELIVERY,
                    EventIds.derive(outbound.eventId(), "delivery:failed"));
            assertThat(failed.key()).isEqualTo(outbound.conversationId());
            DeliveryReport report = EventCodec.shared().decode(failed.value()).as(DeliveryReport.class).payload();
            assertThat(report.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(report.method()).isEqualTo("smtp");
            assertThat(report.detail()).isEqualTo("SMTPException 550");
            assertThat(report.outboundEventId()).isEqualTo(outbound.eventId());
        } finally {
            rejecting.close();
            GreenMailTestResource.startSmtp();
        }
        // Permanent: asked once, never again.
        assertThat(rejecting.rejectedRecipients()).isEqualTo(1);
        assertThat(retries()).isEqualTo(retriesBefore);

        assertHandedToAPerson(outbound);
        assertThat(mailsWithId(outbound)).isEmpty();
    }

    /** The handoff request and the failed delivery turn of {@code outbound}. */
    private static void assertHandedToAPerson(Envelope<OutboundEmailMessage> outbound) {
        ConsumerRecord<String, String> handoffRecord = recordOf(Topics.HANDOFF,
                EventIds.derive(outbound.eventId(), "delivery-handoff"));
        assertThat(handoffRecord.key()).isEqualTo(outbound.conversationId());
        Envelope<HandoffRequest> handoff = EventCodec.shared().decode(handoffRecord.value()).as(HandoffRequest.class);
        assertThat(handoff.causationId()).isEqualTo(outbound.eventId());
        assertThat(handoff.payload().reason()).isEqualTo("delivery_failed");
        assertThat(handoff.payload().draftText()).isEqualTo(outbound.payload().text());

        ConversationTurn turn = EventCodec.shared().decode(recordOf(Topics.CONVERSATION,
                EventIds.derive(outbound.eventId(), "delivery-turn:failed")).value()).as(ConversationTurn.class).payload();
        assertThat(turn.detail()).isEqualTo("failed");
    }

    private double retries() {
        return registry.counter("casedesk.email.smtp.retries").count();
    }

    private static String customer() {
        return "customer-" + UUID.randomUUID() + "@example.com";
    }

    private static void publish(Envelope<OutboundEmailMessage> outbound) {
        kafka.send(Topics.OUTBOUND_EMAIL, outbound.conversationId(), EventCodec.shared().encode(outbound));
    }

    private static List<MimeMessage> mailsWithId(Envelope<OutboundEmailMessage> outbound) throws MessagingException {
        return GreenMailTestResource.receivedWithMessageId("<" + outbound.eventId() + "@casedesk.local>");
    }

    private static ConsumerRecord<String, String> recordOf(String topic, String eventId) {
        return TestEvents.recordOf(kafka, topic, eventId, TIMEOUT);
    }
}
