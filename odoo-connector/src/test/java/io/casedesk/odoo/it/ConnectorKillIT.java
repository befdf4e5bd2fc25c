package io.casedesk.odoo.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.casedesk.infra.test.KafkaTestClient;
import io.casedesk.odoo.client.OdooClient;
import io.casedesk.odoo.service.ChatterWriter;
import io.casedesk.odoo.support.CaseServiceUnderTest;
import io.casedesk.odoo.support.ConnectorProcess;
import io.casedesk.odoo.support.OdooUnderTest;
import io.casedesk.odoo.support.ServiceProcess;
import io.casedesk.odoo.support.Turns;
import io.casedesk.odoostandin.OdooStandIn;
import io.casedesk.schema.ConversationTurn;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.Topics;
import io.casedesk.schema.TurnKind;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector killed with {@code kill -9} while it writes a conversation into the chatter, then started again:
 * every turn is in the matter's chatter exactly once. The connector runs as a process of its own from its packaged
 * jar, on the real broker and database; Odoo is the stand-in (a little slow, so the kill lands mid-run) or the real
 * one of {@code ODOO_URL}.
 */
class ConnectorKillIT {

    private static final int TURNS = 60;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void everyTurnIsInTheChatterExactlyOnceAfterAKillMidRun() throws Exception {
        OdooClient odoo = OdooUnderTest.client();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String ref = "KILL-" + run;
        long stage = odoo.create("project.task.type", Map.of("name", "In Progress"));
        long partner = odoo.create("res.partner", Map.of("name", "KILL 陳淑芬", "ref", ref));
        long task = odoo.create("project.task", Map.of("name", "KILL 損害賠償 " + run, "partner_id", partner,
                "stage_id", stage));
        Map<String, String> settings = Map.of(
                "casedesk.odoo.customer.domain", "[[\"ref\",\"=like\",\"KILL-%\"]]",
                "casedesk.odoo.case.domain", "[[\"name\",\"=like\",\"KILL %\"]]",
                "casedesk.odoo.case.number-prefix", "KILL-T-",
                "casedesk.odoo.sync.interval", "1s",
                "casedesk.odoo.sync.initial-delay", "0s",
                "casedesk.odoo.write-back.send-interval", "100ms",
                // A group of its own: the in-process connector of the other tests stays up in the default group and
                // would otherwise be given the partition these turns land on. The restart joins this group again.
                "mp.messaging.incoming.conversation-turns.group.id", "odoo-connector-kill-" + run);
        Path log = Path.of("target", "odoo-connector-kill.log");

        ServiceProcess connector = ConnectorProcess.start("odoo_connector_kill", settings, log);
        ServiceProcess restarted = null;
        try {
            awaitCaseSynced(ref, "KILL-T-" + task);
            OdooUnderTest.standIn().ifPresent(s -> s.fault(OdooStandIn.Fault.slow(Duration.ofMillis(120))));
            List<Envelope<ConversationTurn>> turns = new ArrayList<>();
            try (KafkaTestClient kafka = new KafkaTestClient()) {
                for (int i = 0; i < TURNS; i++) {
                    TurnKind kind = i % 2 == 0 ? TurnKind.INBOUND : TurnKind.ANSWER;
                    Envelope<ConversationTurn> turn = Turns.turn(ref, kind, i % 2 == 0 ? "customer" : "bot",
                            "turn " + i + " of the conversation", null);
                    turns.add(turn);
                    kafka.send(Topics.CONVERSATION, turn.conversationId(), Turns.encode(turn));
                }
            }
            int beforeKill = awaitChatter(odoo, task, n -> n >= TURNS / 4, Duration.ofSeconds(90));
            connector.kill();
            int atKill = chatterOf(odoo, task).size();
            System.out.printf("kill -9 of the connector (pid %d) with %d of %d turns in the chatter%n",
                    connector.pid(), atKill, TURNS);
            assertThat(atKill).isLessThan(TURNS);

            restarted = ConnectorProcess.start("odoo_connector_kill", settings, log);
            int after = awaitChatter(odoo, task, n -> n >= TURNS, Duration.ofSeconds(120));
            // Time for a duplicate to show up, if there were one.
            Thread.sleep(2000);
            List<JsonNode> messages = chatterOf(odoo, task);
            Map<String, Long> perTurn = messages.stream().collect(Collectors.groupingBy(
                    m -> m.path("message_id").asText(), Collectors.counting()));
            System.out.printf("after the restart: %d chatter messages for %d turns, %d distinct, largest count %d%n",
                    messages.size(), TURNS, perTurn.size(), perTurn.values().stream().max(Long::compare).orElse(0L));
            assertThat(beforeKill).isGreaterThan(0);
            assertThat(after).isEqualTo(TURNS);
            assertThat(messages).hasSize(TURNS);
            assertThat(perTurn.keySet()).containsExactlyInAnyOrderElementsOf(
                    turns.stream().map(t -> ChatterWriter.messageId(t.eventId())).toList());
            assertThat(perTurn.values()).allMatch(count -> count == 1);
        } finally {
            OdooUnderTest.standIn().ifPresent(s -> s.fault(OdooStandIn.Fault.NONE));
            connector.close();
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    private static void awaitCaseSynced(String ref, String number) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(CaseServiceUnderTest.get().baseUrl()
                            + "/api/v1/customers/" + ref + "/cases/" + number))
                    .header("Authorization", "Bearer " + CaseServiceUnderTest.READER_KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The case was not synced within 60 s");
    }

    private static int awaitChatter(OdooClient odoo, long task, java.util.function.IntPredicate done, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        int count = 0;
        while (Instant.now().isBefore(deadline)) {
            count = chatterOf(odoo, task).size();
            if (done.test(count)) {
                return count;
            }
            Thread.sleep(100);
        }
        return count;
    }

    private static List<JsonNode> chatterOf(OdooClient odoo, long task) {
        return odoo.searchRead("mail.message", List.of(List.of("model", "=", "project.task"), List.of("res_id", "=", task),
                List.of("message_id", "=like", "<casedesk-turn-%")), List.of("id", "message_id"), 0, null, "id asc",
                Map.of());
    }

    static Function<JsonNode, String> messageIdOf() {
        return m -> m.path("message_id").asText();
    }
}
