package io.casedesk.ingress.email;

import io.casedesk.infra.test.KafkaTestClient;
import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.ingress.email.support.GreenMailTestResource;
import io.casedesk.schema.Attachment;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static io.casedesk.ingress.email.support.GreenMailTestResource.MAILBOX;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A customer's mail with a PDF through real IMAP (GreenMail): the inbound event names the file by its MIME part path,
 * and {@code /internal/attachments/{part}?source=<Message-ID>} reads it back from the mailbox, decoded, with the
 * attachment key only and within the size limit (64 KiB in tests).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(GreenMailTestResource.class)
class EmailAttachmentIT {

    private static final String KEY = "test-attachments-key";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final KafkaTestClient kafka = new KafkaTestClient();

    @Test
    void aPdfTheCustomerAttachedIsReadBackFromTheMailboxByItsPartPath() throws Exception {
        byte[] pdf = pdf(40_000);
        String messageId = "<" + UUID.randomUUID() + "@mail.example>";
        deliver(messageId, "起訴狀 final.pdf", pdf);

        Attachment file = awaitAttachment(messageId);
        assertThat(file.id()).isEqualTo("1.2");
        assertThat(file.name()).isEqualTo("起訴狀 final.pdf");
        assertThat(file.mediaType()).isEqualTo("application/pdf");

        byte[] served = given().header("Authorization", "Bearer " + KEY).queryParam("source", messageId)
                .when().get("/internal/attachments/" + file.id())
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(served).isEqualTo(pdf);
        // The text part is no attachment, and a path the mail does not have is nothing.
        given().header("Authorization", "Bearer " + KEY).queryParam("source", messageId)
                .when().get("/internal/attachments/1.3").then().statusCode(404);
    }

    @Test
    void aFileOverTheLimitIsRefusedAndNothingIsServedWithoutTheKeyOrForAnotherMail() throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@mail.example>";
        deliver(messageId, "scan.pdf", pdf(64 * 1024 + 1));
        awaitAttachment(messageId);

        given().header("Authorization", "Bearer " + KEY).queryParam("source", messageId)
                .when().get("/internal/attachments/1.2")
                .then().statusCode(413).body("error", equalTo("too_large"));
        given().queryParam("source", messageId).when().get("/internal/attachments/1.2")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer not-the-key").queryParam("source", messageId)
                .when().get("/internal/attachments/1.2").then().statusCode(401);
        given().header("Authorization", "Bearer " + KEY).queryParam("source", "<no-such-mail@mail.example>")
                .when().get("/internal/attachments/1.2").then().statusCode(404);
        given().header("Authorization", "Bearer " + KEY).queryParam("source", messageId)
                .when().get("/internal/attachments/..").then().statusCode(404);
    }

    private static Attachment awaitAttachment(String messageId) {
        String eventId = EventIds.emailInbound(MAILBOX, messageId);
        List<ConsumerRecord<String, String>> read = kafka.readUntil(Topics.INBOUND,
                records -> records.stream().anyMatch(r -> eventId.equals(eventIdOf(r))), TIMEOUT);
        InboundMessage message = read.stream().filter(r -> eventId.equals(eventIdOf(r))).findFirst().orElseThrow()
                .value().transform(v -> EventCodec.shared().decode(v).as(InboundMessage.class).payload());
        assertThat(message.attachments()).hasSize(1);
        return message.attachments().get(0);
    }

    private static String eventIdOf(ConsumerRecord<String, String> record) {
        return EventCodec.shared().decode(record.value()).eventId();
    }

    /** A real multipart/mixed mail, as a mail program writes it: the text, then the PDF in base64. */
    private static void deliver(String messageId, String fileName, byte[] pdf) throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mail.setFrom(new InternetAddress("customer-" + UUID.randomUUID() + "@example.com", "陳小姐",
                StandardCharsets.UTF_8.name()));
        mail.setRecipients(jakarta.mail.Message.RecipientType.TO, MAILBOX);
        mail.setSubject("補件：起訴狀", StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText("您好，附上起訴狀，請查收。", StandardCharsets.UTF_8.name());
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        attachment.setFileName(jakarta.mail.internet.MimeUtility.encodeText(fileName, "UTF-8", "B"));
        attachment.setDisposition(jakarta.mail.Part.ATTACHMENT);
        attachment.setHeader("Content-Transfer-Encoding", "base64");
        MimeMultipart mixed = new MimeMultipart("mixed", text, attachment);
        mail.setContent(mixed);
        mail.saveChanges();
        GreenMailTestResource.mailbox().deliver(mail);
    }

    /** A PDF's opening (with the binary comment line PDF writers add) and binary bytes after it. */
    private static byte[] pdf(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        byte[] head = {'%', 'P', 'D', 'F', '-', '1', '.', '7', '\n', '%', (byte) 0xe2, (byte) 0xe3, (byte) 0xcf,
            (byte) 0xd3, '\n'};
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }
}
