package io.casedesk.cases.rest;

import io.casedesk.cases.Database;
import io.casedesk.cases.DemoBundle;
import io.casedesk.cases.service.BundleImporter;
import io.casedesk.infra.test.KafkaTestClient;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.OutboundEmailMessage;
import io.casedesk.schema.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.casedesk.cases.ApiClient.asResponder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Linking unknown LINE users and email addresses to customers (DESIGN §4). */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityLinkIT {

    private static final String CHANG_CASE = "2026-FAM-0142";
    private static final String CHANG_SECRET = "4821";
    private static final String CHANG_EMAIL = "chang.chihming@example.com";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Inject
    BundleImporter importer;

    @Inject
    DataSource dataSource;

    private Database database;
    private KafkaTestClient kafka;

    @BeforeAll
    void setUp() {
        importer.importBundle(DemoBundle.tree());
        database = new Database(dataSource);
        kafka = new KafkaTestClient();
    }

    @AfterAll
    void tearDown() {
        kafka.close();
    }

    @Test
    void theCaseNumberAndSecretLinkAnUnknownLineUserAsVerified() {
        String lineUser = newLineUserId();
        asResponder().get("/api/v1/identities/line/{id}", lineUser).then().statusCode(404);

        link(lineUser, Map.of("caseNumber", CHANG_CASE, "secret", CHANG_SECRET)).then().statusCode(200)
                .body("customerRef", equalTo("C-1001"))
                .body("verified", equalTo(true));

        asResponder().get("/api/v1/identities/line/{id}", lineUser).then().statusCode(200)
                .body("customerRef", equalTo("C-1001"))
                .body("verified", equalTo(true));
        // Linking again is harmless.
        link(lineUser, Map.of("caseNumber", CHANG_CASE, "secret", CHANG_SECRET)).then().statusCode(200);
    }

    @Test
    void aWrongSecretAndAnUnknownCaseNumberGetTheSameAnswer() {
        String lineUser = newLineUserId();
        Response wrongSecret = link(lineUser, Map.of("caseNumber", CHANG_CASE, "secret", "0000"));
        Response unknownCase = link(lineUser, Map.of("caseNumber", "2026-XXX-9999", "secret", CHANG_SECRET));
        Response othersSecret = link(lineUser, Map.of("caseNumber", CHANG_CASE, "secret", "0736"));

        assertThat(wrongSecret.statusCode()).isEqualTo(403);
        assertThat(List.of(unknownCase.statusCode(), othersSecret.statusCode())).containsOnly(403);
        assertThat(wrongSecret.asString()).isEqualTo(unknownCase.asString()).isEqualTo(othersSecret.asString())
                .contains("\"error\":\"verification_failed\"");
        asResponder().get("/api/v1/identities/line/{id}", lineUser).then().statusCode(404);
    }

    @Test
    void fiveFailuresLockTheIdentityOutEvenForTheRightSecret() {
        String lineUser = newLineUserId();
        for (int attempt = 0; attempt < 5; attempt++) {
            link(lineUser, Map.of("caseNumber", CHANG_CASE, "secret", "000" + attempt)).then().statusCode(403);
        }

        Response locked = link(lineUser, Map.of("caseNumber", CHANG_CASE, "secret", CHANG_SECRET));
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.jsonPath().getString("error")).isEqualTo("too_many_attempts");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15L * 60);
        asResponder().get("/api/v1/identities/line/{id}", lineUser).then().statusCode(404);
        // Other identities are not affected.
        link(newLineUserId(), Map.of("caseNumber", CHANG_CASE, "secret", CHANG_SECRET)).then().statusCode(200);

        database.execute("update identity_link_guards set locked_until = now() - interval '1 second'");
        link(lineUser, Map.of("caseNumber", CHANG_CASE, "secret", CHANG_SECRET)).then().statusCode(200);
    }

    @Test
    void aOneTimeCodeSentToTheRegisteredEmailLinksTheIdentity() {
        String lineUser = newLineUserId();
        Envelope<OutboundEmailMessage> email = requestCodeAndReadEmail(CHANG_EMAIL,
                () -> requestCode(lineUser, CHANG_CASE).then().statusCode(202)
                        .body("status", equalTo("accepted"))
                        .body("validForSeconds", equalTo(600)));
        assertThat(email.payload().subject()).isEqualTo("您的驗證碼");
        assertThat(email.conversationId()).isEqualTo("email:support@casedesk.local:" + CHANG_EMAIL);
        String code = codeIn(email);
        assertThat(database.count("select count(*) from identity_link_codes where code_hash like '%" + code + "%'"))
                .as("the code is stored only as a hash").isZero();
        assertThat(database.count("select count(*) from outbox_events")).as("relayed events leave the outbox").isZero();

        String wrongCode = code.equals("000000") ? "000001" : "000000";
        link(lineUser, Map.of("caseNumber", CHANG_CASE, "code", wrongCode)).then().statusCode(403);
        // A code is good only with the case number it was requested for.
        link(lineUser, Map.of("caseNumber", "2026-CON-0388", "code", code)).then().statusCode(403);
        link(lineUser, Map.of("caseNumber", CHANG_CASE, "code", code)).then().statusCode(200)
                .body("customerRef", equalTo("C-1001"))
                .body("verified", equalTo(true));
        // One-time: used up by the link.
        link(lineUser, Map.of("caseNumber", CHANG_CASE, "code", code)).then().statusCode(403);
    }

    @Test
    void anExpiredCodeDoesNotLink() {
        String emailAddress = "someone-" + UUID.randomUUID() + "@example.org";
        String code = codeIn(requestCodeAndReadEmail(CHANG_EMAIL,
                () -> asResponder().contentType(ContentType.JSON).body(Map.of("caseNumber", CHANG_CASE))
                        .post("/api/v1/identities/email/{id}/link/code-request", emailAddress).then().statusCode(202)));

        database.execute("update identity_link_codes set expires_at = now() - interval '1 second' "
                + "where external_id = '" + emailAddress + "'");
        asResponder().contentType(ContentType.JSON).body(Map.of("caseNumber", CHANG_CASE, "code", code))
                .post("/api/v1/identities/email/{id}/link", emailAddress).then().statusCode(403);
    }

    @Test
    void aCodeRequestForAnUnknownCaseLooksTheSameAndSendsNothing() {
        String lineUser = newLineUserId();
        Response unknown = requestCode(lineUser, "2026-XXX-0001");
        Response known = requestCode(newLineUserId(), CHANG_CASE);

        assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(202);
        assertThat(unknown.asString()).isEqualTo(known.asString());
        assertThat(database.count("select count(*) from identity_link_codes where external_id = '" + lineUser + "'"))
                .isZero();
    }

    @Test
    void codeRequestsCountTowardsTheLockout() {
        String lineUser = newLineUserId();
        for (int request = 0; request < 5; request++) {
            requestCode(lineUser, "2026-XXX-0002").then().statusCode(202);
        }
        requestCode(lineUser, CHANG_CASE).then().statusCode(429).body("error", equalTo("too_many_attempts"));
    }

    @Test
    void anIdentityOfAnotherCustomerIsNotTakenOver() {
        // Mr. Chang's own LINE user id, proven for Ms. Wang's case.
        link("Uf0d4b5d7bf148e3c5849974bb722897c", Map.of("caseNumber", "2026-CON-0388", "secret", "0736"))
                .then().statusCode(409).body("error", equalTo("identity_held_by_another_customer"));
        asResponder().get("/api/v1/identities/line/{id}", "Uf0d4b5d7bf148e3c5849974bb722897c").then()
                .body("customerRef", equalTo("C-1001"));
    }

    @Test
    void malformedRequestsAreRejected() {
        String lineUser = newLineUserId();
        link(lineUser, Map.of("caseNumber", CHANG_CASE)).then().statusCode(400);
        link(lineUser, Map.of("caseNumber", CHANG_CASE, "secret", CHANG_SECRET, "code", "123456")).then().statusCode(400);
        link(lineUser, Map.of("secret", CHANG_SECRET)).then().statusCode(400);
        requestCode(lineUser, " ").then().statusCode(400);
        asResponder().contentType(ContentType.JSON).body(Map.of("caseNumber", CHANG_CASE, "secret", CHANG_SECRET))
                .post("/api/v1/identities/fax/{id}/link", lineUser).then().statusCode(404);
    }

    private static Response link(String lineUser, Map<String, String> body) {
        return asResponder().contentType(ContentType.JSON).body(body)
                .post("/api/v1/identities/line/{id}/link", lineUser);
    }

    private static Response requestCode(String lineUser, String caseNumber) {
        return asResponder().contentType(ContentType.JSON).body(Map.of("caseNumber", caseNumber))
                .post("/api/v1/identities/line/{id}/link/code-request", lineUser);
    }

    /**
     * Runs {@code request} and returns the code email it caused. Emails of earlier requests are relayed first,
     * so the newest email to {@code address} afterwards is this request's.
     */
    private Envelope<OutboundEmailMessage> requestCodeAndReadEmail(String address, Runnable request) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> database.count("select count(*) from outbox_events") == 0);
        int before = emailsTo(kafka.readUntil(Topics.OUTBOUND_EMAIL, records -> false, Duration.ofSeconds(2)),
                address).size();
        request.run();
        List<Envelope<OutboundEmailMessage>> emails = emailsTo(kafka.readUntil(Topics.OUTBOUND_EMAIL,
                records -> emailsTo(records, address).size() > before, Duration.ofSeconds(30)), address);
        assertThat(emails).hasSize(before + 1);
        return emails.get(before);
    }

    private static List<Envelope<OutboundEmailMessage>> emailsTo(List<ConsumerRecord<String, String>> records,
            String address) {
        return records.stream().map(IdentityLinkIT::decode).filter(e -> address.equals(e.payload().to())).toList();
    }

    private static Envelope<OutboundEmailMessage> decode(ConsumerRecord<String, String> record) {
        return EventCodec.shared().decode(record.value()).as(OutboundEmailMessage.class);
    }

    private static String codeIn(Envelope<OutboundEmailMessage> email) {
        Matcher matcher = CODE.matcher(email.payload().text());
        return Optional.of(matcher).filter(Matcher::find).map(m -> m.group(1))
                .orElseThrow(() -> new AssertionError("no code in the email"));
    }

    private static String newLineUserId() {
        return "U" + UUID.randomUUID().toString().replace("-", "");
    }
}
