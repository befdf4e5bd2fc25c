package io.casedesk.ingress.email;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import io.casedesk.infra.test.KafkaTestClient;
import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.ingress.email.config.EmailConfig;
import io.casedesk.ingress.email.service.MailboxPoller;
import io.casedesk.ingress.email.service.ReadPosition;
import io.casedesk.ingress.email.support.GreenMailTestResource;
import io.casedesk.schema.ConversationIds;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.DeliveryReport;
import io.casedesk.schema.DeliveryStatus;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.TraceContext;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TurnKind;
import io.quarkus.test.common.WithTestResource;
import io.casedesk.ingress.email.service.SentMessageIds;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static io.casedesk.ingress.email.support.GreenMailTestResource.MAILBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reading the support mailbox over real IMAP (GreenMail) into a real broker. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GreenMailTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InboundEmailIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final KafkaTestClient kafka = new KafkaTestClient();

    @Inject
    SentMessageIds sentMessageIds;
    @Inject
    MailboxPoller poller;

    @Inject
    EmailConfig config;

    @Test
    void publishesEachMailOnceMarksItSeenAndSurvivesARestart() throws Exception {
        String customer = customer();
        List<String> messageIds = Stream.generate(InboundEmailIT::messageId).limit(3).toList();
        for (String messageId : messageIds) {
            deliver(mail(customer, messageId, "When is my hearing?"));
        }

        List<String> eventIds = messageIds.stream().map(id -> EventIds.emailInbound(MAILBOX, id)).toList();
        List<ConsumerRecord<String, String>> inbound = awaitEvents(Topics.INBOUND, eventIds);
        assertThat(inbound).extracting(InboundEmailIT::eventId).containsExactlyInAnyOrderElementsOf(eventIds);
        ConsumerRecord<String, String> first = inbound.get(0);
        assertThat(first.key()).isEqualTo(ConversationIds.email(MAILBOX, customer));
        InboundMessage message = EventCodec.shared().decode(first.value()).as(InboundMessage.class).payload();
        assertThat(message.text()).isEqualTo("When is my hearing?");
        // Each mail starts a trace; the record's header continues it.
        String traceparent = EventCodec.shared().decode(first.value()).traceparent();
        assertThat(TraceContext.traceIdOf(traceparent)).isPresent();
        assertThat(TraceContext.traceIdOf(new String(first.headers().lastHeader(TraceContext.HEADER).value(),
                StandardCharsets.US_ASCII))).isEqualTo(TraceContext.traceIdOf(traceparent));
        assertThat(inbound).extracting(record -> TraceContext.traceIdOf(
                EventCodec.shared().decode(record.value()).traceparent()).orElseThrow()).doesNotHaveDuplicates();
        assertThat(message.senderId()).isEqualTo(customer);
        await().atMost(TIMEOUT).until(() -> messageIds.stream().allMatch(InboundEmailIT::seen));

        List<String> turnIds = eventIds.stream().map(id -> EventIds.derive(id, "conversation-turn")).toList();
        ConversationTurn turn = EventCodec.shared().decode(awaitEvents(Topics.CONVERSATION, turnIds).get(0).value())
                .as(ConversationTurn.class).payload();
        assertThat(turn.kind()).isEqualTo(TurnKind.INBOUND);
        assertThat(turn.actor()).isEqualTo("customer");

        // A restart forgets everything but the stored position: nothing is read twice, the next mail is read.
        poller.stop();
        poller.start();
        String next = messageId();
        deliver(mail(customer, next, "And the address of the court?"));
        String nextEventId = EventIds.emailInbound(MAILBOX, next);
        // One customer, one partition: once the next mail's event is there, any duplicate would be before it.
        List<String> allIds = Stream.concat(eventIds.stream(), Stream.of(nextEventId)).toList();
        List<ConsumerRecord<String, String>> afterRestart = kafka.readUntil(Topics.INBOUND,
                records -> records.stream().anyMatch(r -> nextEventId.equals(eventId(r))), TIMEOUT);
        assertThat(afterRestart).extracting(InboundEmailIT::eventId).filteredOn(allIds::contains)
                .containsExactlyInAnyOrderElementsOf(allIds);
    }

    @Test
    void quarantinesABrokenMailAndReadsTheNextOne() throws Exception {
        String broken = messageId();
        deliver("Message-ID: " + broken + "\r\nSubject: no sender\r\n\r\nhello\r\n");
        String customer = customer();
        String next = messageId();
        deliver(mail(customer, next, "Still there?"));

        awaitEvents(Topics.INBOUND, List.of(EventIds.emailInbound(MAILBOX, next)));
        List<ConsumerRecord<String, String>> quarantined = kafka.readUntil(Topics.dlq(Topics.INBOUND),
                read -> read.stream().anyMatch(r -> r.value().contains(broken)), TIMEOUT);
        assertThat(quarantined).filteredOn(r -> r.value().contains(broken)).singleElement()
                .satisfies(r -> assertThat(r.value()).contains("\"reason\":\"no sender address\""));
        await().atMost(TIMEOUT).until(() -> flagged(broken) && !seen(broken));
    }

    @Test
    void reportsABounceOfOurReplyAsFailedDelivery() throws Exception {
        String outboundId = UUID.randomUUID().toString();
        // As the outbound consumer records every mail it sent.
        sentMessageIds.remember(outboundId);
        deliver(bounceOf(outboundId));

        String reportId = EventIds.derive(outboundId, "delivery:bounced");
        DeliveryReport report = EventCodec.shared().decode(awaitEvents(Topics.DELIVERY, List.of(reportId)).get(0).value())
                .as(DeliveryReport.class).payload();
        assertThat(report.outboundEventId()).isEqualTo(outboundId);
        assertThat(report.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(report.detail()).isEqualTo("bounced 5.1.1");
    }

    /** A bounce quoting <made-up id@our domain>: not a delivery report of ours, and nothing else either. */
    @Test
    void aForgedBounceNamingAMessageIdWeNeverSentIsNotTakenForOurs() throws Exception {
        String neverSent = UUID.randomUUID().toString();
        String sent = UUID.randomUUID().toString();
        sentMessageIds.remember(sent);

        deliver(bounceOf(neverSent));
        deliver(bounceOf(sent));

        // The second bounce was read after the first; by then the first would have been reported.
        awaitEvents(Topics.DELIVERY, List.of(EventIds.derive(sent, "delivery:bounced")));
        assertThat(kafka.readUntil(Topics.DELIVERY, read -> false, java.time.Duration.ofSeconds(2)))
                .noneMatch(r -> r.value().contains(neverSent));
        assertThat(kafka.readUntil(Topics.INBOUND, read -> false, java.time.Duration.ofSeconds(2)))
                .noneMatch(r -> r.value().contains(neverSent));
    }

    private static String bounceOf(String outboundId) {
        return """
                From: MAILER-DAEMON@mx.example
                To: help@firm.example
                Message-ID: %s
                Auto-Submitted: auto-replied
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                Delivery failed.
                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example

                Final-Recipient: rfc822; gone@example.com
                Action: failed
                Status: 5.1.1
                --b
                Content-Type: text/rfc822-headers

                Message-ID: <%s@casedesk.local>
                --b--
                """.formatted(messageId(), outboundId).replace("\n", "\r\n");
    }

    /** Last: re-reading the folder quarantines the other test's broken (unread) mail a second time. */
    @Test
    @Order(Integer.MAX_VALUE)
    void readsTheFolderAgainWhenItsUidValidityChanged() throws Exception {
        String customer = customer();
        String before = messageId();
        deliver(mail(customer, before, "Read before the change"));
        awaitEvents(Topics.INBOUND, List.of(EventIds.emailInbound(MAILBOX, before)));
        await().atMost(TIMEOUT).until(() -> seen(before));

        Path positionFile = Path.of(config.imap().dataDir(), "imap-position-INBOX.properties");
        poller.stop();
        // A position from another folder generation: its UIDs are far beyond this folder's.
        new ReadPosition(1, 1_000_000).save(positionFile);
        poller.start();
        String after = messageId();
        deliver(mail(customer, after, "Is anyone reading?"));

        String afterEventId = EventIds.emailInbound(MAILBOX, after);
        String beforeEventId = EventIds.emailInbound(MAILBOX, before);
        // One customer, one partition: a re-published earlier mail would come before the new one.
        List<ConsumerRecord<String, String>> read = kafka.readUntil(Topics.INBOUND,
                records -> records.stream().anyMatch(r -> afterEventId.equals(eventId(r))), TIMEOUT);
        assertThat(read).extracting(InboundEmailIT::eventId)
                .filteredOn(id -> id.equals(afterEventId) || id.equals(beforeEventId))
                .containsExactly(beforeEventId, afterEventId);
        assertThat(ReadPosition.load(positionFile).uidValidity()).isNotEqualTo(1);
        assertThat(ReadPosition.load(positionFile).lastUid()).isLessThan(1_000_000);
    }

    private static String mail(String from, String messageId, String text) {
        return ("From: Customer <" + from + ">\r\nTo: " + MAILBOX + "\r\nSubject: Case question\r\nMessage-ID: "
                + messageId + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + text + "\r\n");
    }

    private static void deliver(String raw) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        GreenMailTestResource.mailbox().deliver(message);
    }

    /** The records of {@code topic} with these event ids, once all are there. */
    private static List<ConsumerRecord<String, String>> awaitEvents(String topic, List<String> eventIds) {
        List<ConsumerRecord<String, String>> read = kafka.readUntil(topic,
                records -> records.stream().map(InboundEmailIT::eventId).toList().containsAll(eventIds), TIMEOUT);
        List<ConsumerRecord<String, String>> matching = read.stream()
                .filter(r -> eventIds.contains(eventId(r))).toList();
        assertThat(matching).extracting(InboundEmailIT::eventId).containsAll(eventIds);
        return matching;
    }

    private static boolean seen(String messageId) {
        return flags(messageId).contains(Flags.Flag.SEEN);
    }

    private static boolean flagged(String messageId) {
        return flags(messageId).contains(Flags.Flag.FLAGGED);
    }

    private static Flags flags(String messageId) {
        try {
            return flagsOf(messageId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Flags flagsOf(String messageId) throws Exception {
        MailFolder inbox = GreenMailTestResource.greenMail().getManagers().getImapHostManager()
                .getInbox(GreenMailTestResource.mailbox());
        for (StoredMessage stored : inbox.getMessages()) {
            if (messageId.equals(stored.getMimeMessage().getMessageID())) {
                return stored.getFlags();
            }
        }
        throw new AssertionError("No mail " + messageId + " in the mailbox");
    }

    private static String eventId(ConsumerRecord<String, String> record) {
        return EventCodec.shared().decode(record.value()).eventId();
    }

    private static String customer() {
        return "customer-" + UUID.randomUUID() + "@example.com";
    }

    private static String messageId() {
        return "<" + UUID.randomUUID() + "@mail.example>";
    }
}
