package io.casedesk.cases.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casedesk.cases.Database;
import io.casedesk.cases.DemoBundle;
import io.casedesk.cases.service.BundleImporter;
import io.casedesk.infra.test.KafkaTestClient;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.EventPayload;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.OutboundEmailMessage;
import io.casedesk.schema.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

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

    @RegisterExtension
    static final KafkaTestClient kafka = new KafkaTestClient();

    private Database database;

    @BeforeEach
    void noEarlierAttempts() {
        database.execute("delete from link_guards");
    }

    @BeforeAll
    void setUp() {
        importer.importBundle(DemoBundle.tree());
        database = new Database(dataSource);
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

        database.execute("update link_guards set locked_until = now() - interval '1 second' where scope = 'identity'");
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
            requestCode(lineUser, "2026-XXX-000" + request).then().statusCode(202);
        }
        requestCode(lineUser, CHANG_CASE).then().statusCode(429).body("error", equalTo("too_many_attempts"));
    }

    /**
     * The walk-around of a per-identity lockout: every guess from a new LINE user. The case number's own limit holds
     * whoever guesses: 8 guesses, an hour's lockout, 4 more, then locked until the day is over; staff get one
     * ticket. Time is moved on by moving the guards' timestamps back.
     */
    @Test
    void anAttackerWithUnlimitedIdentitiesGetsTwelveGuessesAtACaseInADayAndStaffGetATicket() {
        double caseLockoutsBefore = lockouts("case");
        int guesses = 0;
        int identities = 0;
        long elapsedSeconds = 0;
        boolean rightSecretRefused = false;
        // The day is the one the first guess started; the seconds the test itself takes are not moved on.
        long day = Duration.ofDays(1).minusMinutes(1).toSeconds();
        for (int attempt = 0; elapsedSeconds < day && attempt < 1000; attempt++) {
            identities++;
            Response answer = link(newLineUserId(), Map.of("caseNumber", CHANG_CASE, "secret", String.valueOf(9000 + attempt)));
            if (answer.statusCode() == 403) {
                guesses++;
                continue;
            }
            assertThat(answer.statusCode()).isEqualTo(429);
            long retryAfter = Long.parseLong(answer.header("Retry-After"));
            if (retryAfter > Duration.ofHours(2).toSeconds()) {
                // Locked for the rest of the day: even the right secret, from yet another identity.
                link(newLineUserId(), Map.of("caseNumber", CHANG_CASE, "secret", CHANG_SECRET)).then().statusCode(429);
                rightSecretRefused = true;
            }
            advance(Duration.ofSeconds(retryAfter));
            elapsedSeconds += retryAfter;
        }
        System.out.printf("Walk-around: %d guesses at one case in %.1f h from %d LINE identities%n", guesses,
                elapsedSeconds / 3600.0, identities);

        assertThat(guesses).isEqualTo(12);
        assertThat(rightSecretRefused).isTrue();
        assertThat(lockouts("case") - caseLockoutsBefore).isEqualTo(2);
        List<Envelope<EventPayload>> tickets = kafka.readUntil(Topics.HANDOFF, records -> staffTickets(records).size() >= 1,
                Duration.ofSeconds(30)).stream().map(r -> EventCodec.shared().decode(r.value()))
                .filter(e -> e.conversationId().equals("security:link-guard:" + CHANG_CASE)).toList();
        assertThat(tickets.stream().map(Envelope::eventId).distinct()).hasSize(1);
        HandoffRequest ticket = tickets.get(0).as(HandoffRequest.class).payload();
        assertThat(ticket.reason()).isEqualTo("link_attempts_exceeded");
        assertThat(ticket.customerRef()).isEqualTo("C-1001");
        // The next day the case can be linked again.
        link(newLineUserId(), Map.of("caseNumber", CHANG_CASE, "secret", CHANG_SECRET)).then().statusCode(200);
    }

    @Test
    void guessesSprayedOverManyCaseNumbersStopAtTheFirmsLimit() {
        for (int attempt = 0; attempt < 30; attempt++) {
            link(newLineUserId(), Map.of("caseNumber", "2026-SPR-" + (1000 + attempt), "secret", "1234"))
                    .then().statusCode(403);
        }

        Response locked = link(newLineUserId(), Map.of("caseNumber", CHANG_CASE, "secret", CHANG_SECRET));
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(3000L, 3600L);
        requestCode(newLineUserId(), CHANG_CASE).then().statusCode(429);
    }

    @Test
    void eachFurtherLockoutOfAnIdentityInADayLastsTwiceAsLong() {
        String lineUser = newLineUserId();
        long[] retryAfter = new long[3];
        for (int lockout = 0; lockout < 3; lockout++) {
            for (int attempt = 0; attempt < 5; attempt++) {
                // Other case numbers each time, so only the identity's own limit counts.
                link(lineUser, Map.of("caseNumber", "2026-EXP-" + lockout + attempt, "secret", "1234")).then().statusCode(403);
            }
            Response locked = link(lineUser, Map.of("caseNumber", CHANG_CASE, "secret", CHANG_SECRET));
            assertThat(locked.statusCode()).isEqualTo(429);
            retryAfter[lockout] = Long.parseLong(locked.header("Retry-After"));
            advance(Duration.ofSeconds(retryAfter[lockout]));
        }

        assertThat(retryAfter[0]).isBetween(14 * 60L, 15 * 60L);
        assertThat(retryAfter[1]).isBetween(29 * 60L, 30 * 60L);
        assertThat(retryAfter[2]).isBetween(59 * 60L, 60 * 60L);
        link(lineUser, Map.of("caseNumber", CHANG_CASE, "secret", CHANG_SECRET)).then().statusCode(200);
    }

    @Test
    void aCaseNumberGetsThreeCodeMailsADayWhoeverAsksKnownOrNot() {
        for (String caseNumber : List.of(CHANG_CASE, "2026-XXX-0404")) {
            for (int request = 0; request < 3; request++) {
                requestCode(newLineUserId(), caseNumber).then().statusCode(202);
            }
            String fourth = newLineUserId();
            Response refused = requestCode(fourth, caseNumber);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(23 * 3600L, 24 * 3600L);
            assertThat(database.count("select count(*) from identity_link_codes where external_id = '" + fourth + "'"))
                    .as("no code, no mail").isZero();
        }
        assertThat(database.count("select count(*) from link_guards where scope = 'case' and subject = '" + CHANG_CASE
                + "' and day_codes = 3")).isEqualTo(1);
    }

    @Test
    void aLongSecretFromTheImportLinks() {
        String secret = "k7Q2-x9Lm-4Rt8-Zp3W-9fGh-2Jkd";
        importer.importBundle(json("""
                {"customers": [{"ref": "C-LONG-1", "name": "Long Secret", "verificationSecret": "%s"}],
                 "cases": [{"number": "2026-LNG-0001", "customerRef": "C-LONG-1", "title": "T", "status": "intake"}]}
                """.formatted(secret)));

        link(newLineUserId(), Map.of("caseNumber", "2026-LNG-0001", "secret", secret.substring(0, 24))).then().statusCode(403);
        link(newLineUserId(), Map.of("caseNumber", "2026-LNG-0001", "secret", secret)).then().statusCode(200)
                .body("customerRef", equalTo("C-LONG-1"));
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

    /** Moves the guards' clock on: their timestamps back by {@code duration}. */
    private void advance(Duration duration) {
        String interval = "interval '" + duration.toSeconds() + " seconds'";
        database.execute("update link_guards set window_started_at = window_started_at - " + interval
                + ", day_started_at = day_started_at - " + interval + ", locked_until = locked_until - " + interval);
    }

    /** The lockout counter of {@code scope}, as /q/metrics shows it. */
    private static double lockouts(String scope) {
        String metrics = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("casedesk_identity_link_lockouts_total\\{[^}]*scope=\"" + scope
                + "\"[^}]*} ([0-9.E]+)").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    private static List<ConsumerRecord<String, String>> staffTickets(List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> r.key() != null && r.key().startsWith("security:link-guard:")).toList();
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
