package io.casedesk.ingress.email;

import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.ingress.email.support.GreenMailTestResource;
import io.casedesk.infra.test.KafkaTestClient;
import io.casedesk.ingress.email.support.TestEvents;
import io.casedesk.schema.Channel;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.DeliveryReport;
import io.casedesk.schema.DeliveryStatus;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.OutboundEmailMessage;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.TurnKind;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Sending over real SMTP (GreenMail) from a real broker: cs.outbound.email.v1 in, mail, cs.delivery.v1 out. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GreenMailTestResource.class)
class OutboundEmailIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final KafkaTestClient kafka = new KafkaTestClient();

    @Test
    void sendsOneReplyInTheThreadAndReportsIt() throws Exception {
        Envelope<OutboundEmailMessage> outbound = TestEvents.outbound(customer());

        publish(outbound);

        MimeMessage mail = awaitMailOf(outbound);
        assertThat(mail.getHeader("To", ",")).isEqualTo(outbound.payload().to());
        assertThat(mail.getSubject()).isEqualTo(outbound.payload().subject().replace("RE: Re: ", "Re: "));
        assertThat(mail.getHeader("Message-ID")).containsExactly("<" + outbound.eventId() + "@casedesk.local>");
        assertThat(mail.getHeader("In-Reply-To")).containsExactly("<customer-2@mail.example>");
        assertThat(mail.getHeader("References")).containsExactly("<customer-1@mail.example> <customer-2@mail.example>");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-replied");
        assertThat(text(mail)).contains("your hearing is on 2026-12-01.").contains("> When is my hearing?");
        assertThat(part(mail, "text/html")).contains("your hearing is on 2026-12-01.").contains("<blockquote");

        ConsumerRecord<String, String> record = recordOf(Topics.DELIVERY, EventIds.derive(outbound.eventId(), "delivery:sent"));
        DeliveryReport report = EventCodec.shared().decode(record.value()).as(DeliveryReport.class).payload();
        assertThat(record.key()).isEqualTo(outbound.conversationId());
        assertThat(report).isEqualTo(new DeliveryReport(Channel.EMAIL, outbound.eventId(), DeliveryStatus.SENT, "smtp", null));

        ConsumerRecord<String, String> turnRecord = recordOf(Topics.CONVERSATION,
                EventIds.derive(outbound.eventId(), "delivery-turn:sent"));
        ConversationTurn turn = EventCodec.shared().decode(turnRecord.value()).as(ConversationTurn.class).payload();
        assertThat(turn.kind()).isEqualTo(TurnKind.DELIVERY);
        assertThat(turn.detail()).isEqualTo("sent");
    }

    @Test
    void theMailAndItsReportsContinueTheTraceOfTheOutboundEvent() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        Envelope<OutboundEmailMessage> untraced = TestEvents.outbound(customer());
        Envelope<OutboundEmailMessage> outbound = Envelope.of(untraced.eventId(), untraced.occurredAt(),
                untraced.conversationId(), untraced.causationId(), traceparent, untraced.payload());

        publish(outbound);

        TraceContext mailTrace = TraceContext.parse(awaitMailOf(outbound).getHeader(TraceContext.HEADER)[0]).orElseThrow();
        assertThat(mailTrace.traceId()).isEqualTo(traceId);
        assertThat(mailTrace.spanId()).isNotEqualTo("00f067aa0ba902b7");
        ConsumerRecord<String, String> record = recordOf(Topics.DELIVERY, EventIds.derive(outbound.eventId(), "delivery:sent"));
        // The report carries the context of the outbound event's handling: the same trace.
        assertThat(TraceContext.traceIdOf(EventCodec.shared().decode(record.value()).traceparent())).contains(traceId);
        TraceContext recordTrace = TraceContext.parse(new String(record.headers().lastHeader(TraceContext.HEADER).value(),
                StandardCharsets.US_ASCII)).orElseThrow();
        assertThat(recordTrace.traceId()).isEqualTo(traceId);
        assertThat(recordTrace.spanId()).isNotIn("00f067aa0ba902b7", mailTrace.spanId());
    }

    @Test
    void sendsARedeliveredRecordOnce() throws Exception {
        String customer = customer();
        Envelope<OutboundEmailMessage> outbound = TestEvents.outbound(customer);
        Envelope<OutboundEmailMessage> next = TestEvents.outbound(customer);

        publish(outbound);
        publish(outbound);
        publish(next);

        // Same conversation, same partition: once the next email is out, both copies have been read.
        awaitMailOf(next);
        assertThat(mailsWithId(outbound)).hasSize(1);
    }

    @Test
    void neverSendsAReplayedRecord() throws Exception {
        String customer = customer();
        Envelope<OutboundEmailMessage> replayed = TestEvents.outbound(customer, true);
        Envelope<OutboundEmailMessage> next = TestEvents.outbound(customer);

        publish(replayed);
        publish(next);

        awaitMailOf(next);
        assertThat(mailsWithId(replayed)).isEmpty();
    }

    @Test
    void parksAGarbageRecordOnTheDeadLetterTopicAndGoesOn() throws Exception {
        Envelope<OutboundEmailMessage> next = TestEvents.outbound(customer());
        String garbage = "not an event " + UUID.randomUUID();

        kafka.send(Topics.OUTBOUND_EMAIL, next.conversationId(), garbage);
        publish(next);

        awaitMailOf(next);
        List<ConsumerRecord<String, String>> parked = kafka.readUntil(Topics.dlq(Topics.OUTBOUND_EMAIL),
                records -> records.stream().anyMatch(r -> garbage.equals(r.value())), TIMEOUT);
        assertThat(parked).filteredOn(r -> garbage.equals(r.value())).hasSize(1);
    }

    @Test
    void reportsHealth() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static String customer() {
        return "customer-" + UUID.randomUUID() + "@example.com";
    }

    private static void publish(Envelope<OutboundEmailMessage> outbound) {
        kafka.send(Topics.OUTBOUND_EMAIL, outbound.conversationId(), EventCodec.shared().encode(outbound));
    }

    private static MimeMessage awaitMailOf(Envelope<OutboundEmailMessage> outbound) throws MessagingException {
        await().atMost(TIMEOUT).until(() -> !mailsWithId(outbound).isEmpty());
        return mailsWithId(outbound).get(0);
    }

    private static List<MimeMessage> mailsWithId(Envelope<OutboundEmailMessage> outbound) throws MessagingException {
        return GreenMailTestResource.receivedWithMessageId("<" + outbound.eventId() + "@casedesk.local>");
    }

    /** The text/plain part of the answer (it also has an HTML alternative). */
    private static String text(MimeMessage mail) throws MessagingException, IOException {
        return part(mail, "text/plain").replace("\r\n", "\n");
    }

    private static String part(jakarta.mail.Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), mimeType);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }

    private static ConsumerRecord<String, String> recordOf(String topic, String eventId) {
        return TestEvents.recordOf(kafka, topic, eventId, TIMEOUT);
    }
}
