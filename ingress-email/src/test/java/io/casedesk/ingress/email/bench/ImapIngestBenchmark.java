package io.casedesk.ingress.email.bench;

import io.casedesk.infra.test.KafkaTestResource;
import com.icegreen.greenmail.user.GreenMailUser;
import io.casedesk.ingress.email.inbound.InboundMails;
import io.casedesk.ingress.email.mime.MailLimits;
import io.casedesk.ingress.email.inbound.ParsedMail;
import io.casedesk.ingress.email.support.GreenMailTestResource;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.Topics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * IMAP ingest throughput: 1,000 mails are delivered into GreenMail's support mailbox as fast as it takes them, and
 * the clock runs from the first delivery until the 1,000th inbound event is on the real broker (the broker's
 * record timestamps). Half are the real-world fixtures (every one that is read as a customer's mail, cycled;
 * many broken, some with attachments), half generated: Big5 replies with a Chinese quote header and UTF-8 mails
 * with text and HTML parts. Each copy gets a Message-ID of its own, so each is one event.
 * <p>
 * The service runs from its packaged jar in a JVM of its own ({@code @QuarkusIntegrationTest}, test profile), in
 * its production mode, IMAP IDLE. Not part of the normal build; run it with
 * {@code ./mvnw -B -o verify -pl ingress-email -Dbenchmark}.
 */
@QuarkusIntegrationTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = GreenMailTestResource.class, initArgs = {
        @ResourceArg(name = "imap-mode", value = "idle"),
        @ResourceArg(name = "poll-interval", value = "30S")})
@EnabledIfSystemProperty(named = "benchmark", matches = ".*")
class ImapIngestBenchmark {

    private static final int MAILS = 1_000;
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(8);
    private static final String ID_DOMAIN = "bench.casedesk.example";
    private static final Session SESSION = Session.getInstance(new Properties());

    @Test
    void ingestsAThousandMails() throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        List<byte[]> fixtures = customerFixtures();
        List<MimeMessage> mails = new ArrayList<>(MAILS);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < MAILS; i++) {
            String messageId = "<bench-" + i + "-" + System.nanoTime() + "@" + ID_DOMAIN + ">";
            expected.add(EventIds.emailInbound(GreenMailTestResource.MAILBOX, messageId));
            mails.add(switch (i % 4) {
                case 0, 2 -> fixtureCopy(fixtures.get((i / 2) % fixtures.size()), messageId);
                case 1 -> big5Reply(i, messageId);
                default -> utf8Alternative(i, messageId);
            });
        }

        try (KafkaConsumer<String, String> consumer = inboundConsumerAtEnd()) {
            long start = System.currentTimeMillis();
            for (MimeMessage mail : mails) {
                GreenMailTestResource.mailbox().deliver(mail);
            }
            long delivered = System.currentTimeMillis();

            long lastTimestamp = 0;
            int seen = 0;
            long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
            while (!expected.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (expected.remove(EventCodec.shared().decode(record.value()).eventId())) {
                        seen++;
                        lastTimestamp = Math.max(lastTimestamp, record.timestamp());
                    }
                }
            }
            double seconds = (lastTimestamp - start) / 1000.0;
            System.out.printf(Locale.ROOT, "%n=== ImapIngestBenchmark (%d cores, loopback, GreenMail IMAP, IDLE mode) ===%n"
                            + "%d mails (%d real-world fixtures cycled, Big5 and UTF-8 generated), delivered in %.2f s%n"
                            + "%d inbound events; time to the last one %.2f s from the first delivery"
                            + " (%.2f s after the last delivery): %.0f mails/s%n"
                            + "========================================================================%n",
                    Runtime.getRuntime().availableProcessors(), MAILS, fixtures.size(), (delivered - start) / 1000.0,
                    seen, seconds, (lastTimestamp - delivered) / 1000.0, seen / seconds);
            assertThat(expected).as("inbound events that did not arrive within " + DRAIN_LIMIT).isEmpty();
        }
    }

    /**
     * The fixtures that are read as a customer's (or an automatic) mail, so they publish an inbound event, and
     * that GreenMail stores (it refuses some broken ones, e.g. with a repeated header): tried on a mailbox of
     * their own, which the service does not read.
     */
    private static List<byte[]> customerFixtures() throws Exception {
        Path shared = Path.of(ImapIngestBenchmark.class.getClassLoader().getResource("peer-fixtures/mail-emails").toURI());
        Path own = Path.of(ImapIngestBenchmark.class.getClassLoader().getResource("mail-fixtures").toURI());
        InboundMails parser = new InboundMails(GreenMailTestResource.MAILBOX, "casedesk.local", MailLimits.DEFAULT);
        GreenMailUser probe = GreenMailTestResource.greenMail().setUser("probe@" + ID_DOMAIN, "probe");
        List<byte[]> usable = new ArrayList<>();
        for (Path root : List.of(shared, own)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
                    byte[] raw = Files.readAllBytes(file);
                    byte[] probed = withMessageId(raw, "<probe@" + ID_DOMAIN + ">");
                    if (parser.parse(probed, Instant.now()) instanceof ParsedMail.Inbound && stores(probe, probed)) {
                        usable.add(raw);
                    }
                }
            }
        }
        assertThat(usable).hasSizeGreaterThan(80);
        return usable;
    }

    private static boolean stores(GreenMailUser user, byte[] raw) {
        try {
            user.deliver(new MimeMessage(SESSION, new ByteArrayInputStream(raw)));
            return true;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    /** The fixture's bytes as they are, but for its Message-ID header (and any folded lines of it): {@code messageId}. */
    private static byte[] withMessageId(byte[] raw, String messageId) {
        String mail = new String(raw, StandardCharsets.ISO_8859_1); // byte for byte
        int crlf = mail.indexOf("\r\n\r\n");
        int lf = mail.indexOf("\n\n");
        int headerEnd = crlf < 0 ? lf : lf < 0 ? crlf : Math.min(crlf, lf);
        if (headerEnd < 0) {
            headerEnd = mail.length();
        }
        StringBuilder out = new StringBuilder(mail.length() + 80).append("Message-ID: ").append(messageId).append("\r\n");
        boolean inMessageId = false;
        for (String line : mail.substring(0, headerEnd).split("(?<=\n)")) {
            boolean folded = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            inMessageId = folded ? inMessageId : line.regionMatches(true, 0, "Message-ID:", 0, 11);
            if (!inMessageId) {
                out.append(line);
            }
        }
        out.append(mail, headerEnd, mail.length());
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static MimeMessage fixtureCopy(byte[] raw, String messageId) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(withMessageId(raw, messageId)));
    }

    private static MimeMessage big5Reply(int i, String messageId) throws Exception {
        MimeMessage mail = new MimeMessage(SESSION);
        mail.setFrom(new InternetAddress("client" + i + "@example.com.tw", "張志明", "Big5"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(GreenMailTestResource.MAILBOX));
        mail.setSubject("回覆：案件進度詢問（" + i + "）", "Big5");
        mail.setText("""
                陳律師您好：

                我想了解目前離婚訴訟案件的進展，下次開庭是什麼時候？需要準備哪些文件？
                謝謝您的協助。

                張志明 敬上

                明理法律事務所 於 2026年11月20日 週五 上午10:12 寫道：
                > 張先生您好，您的案件 2026-FAM-0142 已排定調解。
                > 如有問題請回覆此信。
                """.replace("\n", "\r\n"), "Big5");
        return finish(mail, messageId);
    }

    private static MimeMessage utf8Alternative(int i, String messageId) throws Exception {
        MimeMessage mail = new MimeMessage(SESSION);
        mail.setFrom(new InternetAddress("customer" + i + "@example.com", "Lin Mei-hua", "UTF-8"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(GreenMailTestResource.MAILBOX));
        mail.setSubject("Re: 合約審閱 contract review " + i, "UTF-8");
        String text = "您好，附上修改後的合約，請問第 7 條的違約金是否合理？\r\nThanks, Mei-hua\r\n\r\n"
                + "On Thu, Nov 19, 2026 at 9:00 AM Mingli Law Offices wrote:\r\n> Please send the draft.\r\n";
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<html><body><p>您好，附上修改後的合約，請問第 7 條的違約金是否合理？</p><p>Thanks, Mei-hua</p>"
                + "<blockquote>Please send the draft.</blockquote></body></html>", "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", plain, html);
        mail.setContent(alternative);
        return finish(mail, messageId);
    }

    /** Headers computed, then the Message-ID set (saving would replace it). */
    private static MimeMessage finish(MimeMessage mail, String messageId) throws Exception {
        mail.setSentDate(new java.util.Date());
        mail.saveChanges();
        mail.setHeader("Message-ID", messageId);
        return mail;
    }

    private static KafkaConsumer<String, String> inboundConsumerAtEnd() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.INBOUND).stream()
                .map(p -> new TopicPartition(Topics.INBOUND, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before the first mail
        return consumer;
    }
}
