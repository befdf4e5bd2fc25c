package io.casedesk.launcher;

import com.sun.net.httpserver.HttpServer;
import io.casedesk.schema.EventIds;
import io.casedesk.schema.Intent;
import io.casedesk.schema.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shadow evaluation end to end: the real responder jar, started by the replay command against the test broker,
 * answers replayed messages onto the shadow topics, and its answers are printed against answers recorded on the real
 * topics. case-service is a stand-in that knows nobody and no articles, so every writer is a stranger.
 */
class ShadowEvaluationIT {

    private static final String KEY = "shadow-it-key";

    private static ReplayBrokerFixture broker;
    private static HttpServer caseService;

    @BeforeAll
    static void start() throws Exception {
        broker = new ReplayBrokerFixture("shadow-evaluation-it");
        caseService = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        caseService.createContext("/api/v1/", exchange -> {
            boolean authorized = ("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean articles = exchange.getRequestURI().getPath().equals("/api/v1/articles");
            byte[] body = (authorized && articles ? "[]" : "{\"error\":\"not_found\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(!authorized ? 401 : articles ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        caseService.start();
    }

    @AfterAll
    static void stop() {
        caseService.stop(0);
        broker.close();
    }

    @Test
    void theShadowResponderAnswersReplayedMessagesOnShadowTopicsAndItsAnswersArePrintedAgainstTheRecordedOnes() {
        Instant at = Instant.now().minusSeconds(60);
        String asked = ReplayEvents.strangerConversation();
        String wantsPerson = ReplayEvents.strangerConversation();
        String greeted = ReplayEvents.strangerConversation();
        var question = ReplayEvents.triaged(asked, Intent.CASE_STATUS, false, at);
        var personRequest = ReplayEvents.triaged(wantsPerson, Intent.HUMAN_REQUEST, true, at.plusSeconds(1));
        var greeting = ReplayEvents.triaged(greeted, Intent.GREETING, false, at.plusSeconds(2));
        List.of(question, personRequest, greeting).forEach(t -> broker.publish(Topics.TRIAGED, t));
        // What the responder answered back then; the greeting was never answered.
        broker.publish(Topics.OUTBOUND_LINE, ReplayEvents.answer(question, "RECORDED ANSWER\nsecond line", false));
        broker.publish(Topics.OUTBOUND_LINE, ReplayEvents.answer(personRequest, "RECORDED: we will answer soon", false));

        long started = System.nanoTime();
        int exit = broker.replay("--topic", Topics.TRIAGED, "--conversation", asked, "--conversation", wantsPerson,
                "--conversation", greeted, "--shadow", "--timeout", "90",
                "--responder-prop", "quarkus.rest-client.case-service.url=http://127.0.0.1:" + caseService.getAddress().getPort(),
                "--responder-prop", "casedesk.case-service.key=" + KEY);
        System.out.printf("[shadow] evaluation of 3 messages took %d s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        System.out.println(broker.out());

        assertThat(exit).as(broker.err()).isZero();
        String printed = broker.out();
        assertThat(printed).contains("Recorded answers (-) against the shadow responder's (+):");
        assertThat(section(printed, question.eventId())).startsWith("~ changed").contains("  - RECORDED ANSWER\n  - second line\n  + ");
        assertThat(section(printed, personRequest.eventId())).startsWith("! new handoff (")
                .contains("  - RECORDED: we will answer soon").contains("  + [handoff: ");
        assertThat(section(printed, greeting.eventId())).startsWith("+ new").contains("  - [no answer]").contains("  + ");
        assertThat(printed).contains("3 replayed: 0 same, 1 changed, 1 handoff changes, 0 missing, 1 new");
        assertThat(broker.err()).contains("shadow responder answering [##############################] 3/3 100%");

        // The shadow's answers are on the shadow topics, marked replay; nothing new reached the real topics.
        List<ConsumerRecord<String, String>> shadowAnswers = broker.records("cs.outbound.line.v1.shadow", asked, wantsPerson, greeted);
        assertThat(shadowAnswers).extracting(r -> ReplayBrokerFixture.envelope(r).eventId())
                .contains(EventIds.derive(question.eventId(), "answer"), EventIds.derive(greeting.eventId(), "answer"));
        assertThat(shadowAnswers).allMatch(r -> ReplayBrokerFixture.envelope(r).replay());
        assertThat(broker.records("cs.handoff.v1.shadow", wantsPerson)).hasSize(1);
        assertThat(broker.records(Topics.OUTBOUND_LINE, asked, wantsPerson, greeted)).hasSize(2);
        assertThat(broker.records(Topics.HANDOFF, asked, wantsPerson, greeted)).isEmpty();
        assertThat(broker.records(Topics.CONVERSATION, asked, wantsPerson, greeted)).isEmpty();
        assertThat(broker.records(Topics.TRIAGED, asked, wantsPerson, greeted)).hasSize(3);
    }

    /** The printed comparison of one message: its header line and the lines under it. */
    private static String section(String printed, String eventId) {
        int header = printed.lastIndexOf('\n', printed.indexOf("event " + eventId)) + 1;
        int next = header;
        do {
            next = printed.indexOf('\n', next) + 1;
        } while (next < printed.length() && printed.charAt(next) == ' ');
        return printed.substring(header, next);
    }
}
