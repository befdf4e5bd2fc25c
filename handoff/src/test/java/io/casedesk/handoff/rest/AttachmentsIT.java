package io.casedesk.handoff.rest;

import io.casedesk.handoff.service.AttachmentWorker;
import io.casedesk.handoff.support.HandoffTestBase;
import io.casedesk.handoff.support.InboxSession;
import io.casedesk.handoff.support.IngressAttachmentsStandIn;
import io.casedesk.handoff.support.TestEvents;
import io.casedesk.schema.Attachment;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.awaitility.Awaitility.await;

/**
 * Files customers sent, through the real broker: a handed-off LINE image is fetched from the ingress's attachment
 * endpoint off the consumer's path, stored in PostgreSQL and downloadable from the inbox; the size limit, retries,
 * the retention purge and who may download.
 */
@QuarkusTest
class AttachmentsIT extends HandoffTestBase {

    @Inject
    AttachmentWorker worker;
    @Inject
    MeterRegistry registry;

    @Test
    void aHandedOffLineImageIsStoredAndDownloadableAndSoIsOneSentLater() {
        double storedBefore = counter("stored");
        String user = TestEvents.newLineUser("U");
        Envelope<InboundMessage> image = TestEvents.lineImage(user, clock.instant());
        byte[] jpeg = jpeg(30_000);
        serve(image, "image/jpeg", jpeg);
        Envelope<HandoffRequest> request = TestEvents.handoff(image);
        broker.publish(Topics.HANDOFF, request);
        String ticketId = ticketIdOf(request);

        JsonPath ticket = awaitTicket(ticketId, t -> "stored".equals(t.getString("attachments[0].state")));
        assertThat(ticket.getString("attachments[0].kind")).isEqualTo("image");
        assertThat(ticket.getString("attachments[0].mediaType")).isEqualTo("image/jpeg");
        assertThat(ticket.getLong("attachments[0].sizeBytes")).isEqualTo(jpeg.length);
        assertThat(ticket.getList("messages.text")).containsExactly("[image]");
        String download = ticket.getString("attachments[0].download");
        assertThat(download).isEqualTo("/api/v1/inbox/tickets/" + ticketId + "/attachments/"
                + ticket.getLong("attachments[0].id"));

        ExtractableResponse<Response> file = InboxSession.signIn("agent1").request().get(download).then()
                .statusCode(200).contentType("image/jpeg")
                .header("Content-Disposition", "attachment; filename=\"image-" + ticket.getLong("attachments[0].id")
                        + "\"; filename*=UTF-8''image-" + ticket.getLong("attachments[0].id"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store").extract();
        assertThat(file.asByteArray()).isEqualTo(jpeg);
        InboxSession.signIn("agent1").request().get(download + "?inline=true").then().statusCode(200)
                .header("Content-Disposition", startsWith("inline;"));
        assertThat(counter("stored")).isEqualTo(storedBefore + 1);

        // The customer sends a PDF while the ticket is open: it joins the ticket, fetched the same way.
        Envelope<InboundMessage> later = TestEvents.lineImage(user, clock.instant());
        InboundMessage pdf = new InboundMessage(later.payload().channel(), MessageKind.FILE, user,
                null, null, null, List.of(new Attachment(later.payload().line().messageId(),
                "file", "判決書 \"final\".pdf", "application/pdf", 9L)), later.payload().receivedAt(),
                later.payload().line(), null);
        Envelope<InboundMessage> fileMessage = Envelope.of(later.eventId(), later.occurredAt(), later.conversationId(),
                null, null, pdf);
        serve(fileMessage, "application/octet-stream", "%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        broker.publish(Topics.INBOUND, fileMessage);
        ticket = awaitTicket(ticketId, t -> "stored".equals(t.getString("attachments[1].state")));
        // The channel's type wins over what the ingress answered with.
        assertThat(ticket.getString("attachments[1].mediaType")).isEqualTo("application/pdf");
        InboxSession.signIn("supervisor").request().get(ticket.getString("attachments[1].download")).then()
                .statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"___ _final_.pdf\"; "
                        + "filename*=UTF-8''%E5%88%A4%E6%B1%BA%E6%9B%B8%20_final_.pdf");
        // An image is never served inline unless it is a raster image.
        InboxSession.signIn("agent1").request().get(ticket.getString("attachments[1].download") + "?inline=true")
                .then().statusCode(200).header("Content-Disposition", startsWith("attachment;"));
    }

    @Test
    void aFileOverTheLimitKeepsItsMetadataOnlyAndOneTheChannelLostIsUnavailable() {
        double tooLargeBefore = counter("too_large");
        Envelope<InboundMessage> big = TestEvents.lineImage(TestEvents.newLineUser("U"), clock.instant());
        serve(big, "image/jpeg", jpeg(IngressAttachmentsStandIn.MAX_BYTES + 1));
        Envelope<HandoffRequest> request = TestEvents.handoff(big);
        broker.publish(Topics.HANDOFF, request);
        JsonPath ticket = awaitTicket(ticketIdOf(request), t -> "too_large".equals(t.getString("attachments[0].state")));
        assertThat(ticket.getString("attachments[0].download")).isNull();
        problem(InboxSession.signIn("agent1").request().get("/api/v1/inbox/tickets/" + ticketIdOf(request)
                + "/attachments/" + ticket.getLong("attachments[0].id")), 409, "not_stored");
        assertThat(counter("too_large")).isEqualTo(tooLargeBefore + 1);
        assertThat(count("select count(*) from ticket_attachments where content is not null and state <> 'STORED'"))
                .isZero();

        // Nothing served for it (LINE's content expired): given up at once, no retry loop.
        Envelope<HandoffRequest> lost = TestEvents.handoff(TestEvents.lineImage(TestEvents.newLineUser("U"),
                clock.instant()));
        broker.publish(Topics.HANDOFF, lost);
        awaitTicket(ticketIdOf(lost), t -> "unavailable".equals(t.getString("attachments[0].state")));
    }

    @Test
    void aFailingIngressIsTriedAgainAfterABackoffWithoutHoldingUpTheTicket() {
        Envelope<InboundMessage> image = TestEvents.lineImage(TestEvents.newLineUser("U"), clock.instant());
        byte[] jpeg = jpeg(1_000);
        serve(image, "image/jpeg", jpeg);
        String messageId = image.payload().line().messageId();
        IngressAttachmentsStandIn.failNext(messageId, messageId, 2);
        int requestsBefore = IngressAttachmentsStandIn.requests();
        Envelope<HandoffRequest> request = TestEvents.handoff(image);
        broker.publish(Topics.HANDOFF, request);

        // The ticket opens at once; the file waits for its next attempt (2 s, then 4 s on the test clock).
        awaitTicket(ticketIdOf(request), t -> "pending".equals(t.getString("attachments[0].state")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> IngressAttachmentsStandIn.requests() >= requestsBefore + 1);
        clock.advance(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> IngressAttachmentsStandIn.requests() >= requestsBefore + 2);
        assertThat(awaitTicket(ticketIdOf(request)).getString("attachments[0].state")).isEqualTo("pending");
        clock.advance(Duration.ofSeconds(4));
        awaitTicket(ticketIdOf(request), t -> "stored".equals(t.getString("attachments[0].state")));
    }

    @Test
    void afterTheRetentionTheBytesArePurgedAndTheMetadataStays() {
        String user = TestEvents.newLineUser("U");
        String ticketId = assignedTicket(user, "agent1");
        Envelope<InboundMessage> image = TestEvents.lineImage(user, clock.instant());
        serve(image, "image/png", jpeg(500));
        broker.publish(Topics.INBOUND, image);
        JsonPath ticket = awaitTicket(ticketId, t -> "stored".equals(t.getString("attachments[0].state")));
        String download = ticket.getString("attachments[0].download");

        InboxSession.signIn("agent1").request().post("/api/v1/inbox/tickets/" + ticketId + "/close").then()
                .statusCode(200);
        clock.advance(Duration.ofDays(29));
        worker.purgeOnce();
        InboxSession.signIn("agent1").request().get(download).then().statusCode(200);

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(worker.purgeOnce()).isEqualTo(1);
        ticket = awaitTicket(ticketId);
        assertThat(ticket.getString("attachments[0].state")).isEqualTo("purged");
        assertThat(ticket.getString("attachments[0].mediaType")).isEqualTo("image/png");
        assertThat(ticket.getLong("attachments[0].sizeBytes")).isEqualTo(500);
        problem(InboxSession.signIn("agent1").request().get(download), 409, "not_stored");
        assertThat(count("select count(*) from ticket_attachments where content is not null")).isZero();
    }

    @Test
    void onlySignedInAgentsAndSupervisorsDownloadAndOnlyFromTheTicketTheFileIsIn() {
        String user = TestEvents.newLineUser("U");
        Envelope<InboundMessage> image = TestEvents.lineImage(user, clock.instant());
        serve(image, "image/jpeg", jpeg(100));
        Envelope<HandoffRequest> request = TestEvents.handoff(image);
        broker.publish(Topics.HANDOFF, request);
        String ticketId = ticketIdOf(request);
        String download = awaitTicket(ticketId, t -> "stored".equals(t.getString("attachments[0].state")))
                .getString("attachments[0].download");

        given().redirects().follow(false).get(download).then().statusCode(302)
                .header("Location", endsWith("/inbox/login.html"));
        problem(InboxSession.signIn("clerk").request().get(download), 403, "forbidden");
        String other = assignedTicket(TestEvents.newLineUser("U"), "agent1");
        String attachmentId = download.substring(download.lastIndexOf('/') + 1);
        problem(InboxSession.signIn("agent1").request().get("/api/v1/inbox/tickets/" + other + "/attachments/"
                + attachmentId), 404, "not_found");
        problem(InboxSession.signIn("agent1").request().get("/api/v1/inbox/tickets/" + ticketId
                + "/attachments/999999"), 404, "not_found");
    }

    private static void serve(Envelope<InboundMessage> message, String mediaType, byte[] bytes) {
        String messageId = message.payload().line().messageId();
        IngressAttachmentsStandIn.put(messageId, message.payload().attachments().get(0).id(), mediaType, bytes);
    }

    private static void problem(Response response, int status, String error) {
        response.then().statusCode(status).contentType("application/problem+json").body("error", equalTo(error));
    }

    private double counter(String outcome) {
        var counter = registry.find("casedesk.handoff.attachments").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static byte[] jpeg(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 0x42);
        bytes[0] = (byte) 0xff;
        bytes[1] = (byte) 0xd8;
        return bytes;
    }
}
