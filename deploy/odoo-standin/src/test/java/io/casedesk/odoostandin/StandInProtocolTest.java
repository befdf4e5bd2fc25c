package io.casedesk.odoostandin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Both of Odoo's protocols as a client sees them: results, domains, archived records and errors. */
class StandInProtocolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static OdooStandIn odoo;
    private static long uid;

    @BeforeAll
    static void start() throws Exception {
        RecordStore store = new RecordStore();
        store.insert("res.partner", Map.of("name", "張志明", "ref", "C-1", "email", "chang@example.com", "lang", "zh_TW"),
                LocalDateTime.parse("2026-01-01T10:00:00"));
        store.insert("res.partner", Map.of("name", "Anna Keller", "ref", "C-2", "customer_rank", 3),
                LocalDateTime.parse("2026-02-01T10:00:00"));
        long archived = store.insert("res.partner", Map.of("name", "Old Client", "ref", "C-3"),
                LocalDateTime.parse("2026-03-01T10:00:00"));
        store.write("res.partner", List.of(archived), Map.of("active", false));
        odoo = OdooStandIn.start(StandInConfig.forTests(), store);
        uid = rpc("common", "authenticate", List.of("casedesk", "admin", "casedesk-standin-api-key", Map.of()))
                .path("result").asLong();
    }

    @AfterAll
    static void stop() {
        odoo.close();
    }

    @Test
    void authenticatesWithThePasswordOrTheApiKeyAndRefusesAWrongOne() throws Exception {
        assertThat(uid).isEqualTo(2);
        assertThat(rpc("common", "authenticate", List.of("casedesk", "admin", "admin", Map.of())).path("result").asLong())
                .isEqualTo(2);
        assertThat(rpc("common", "authenticate", List.of("casedesk", "admin", "wrong", Map.of())).path("result")
                .asBoolean(true)).isFalse();
        JsonNode denied = executeKw("wrong", "res.partner", "search", List.of(List.of()), Map.of());
        assertThat(denied.path("error").path("code").asInt()).isEqualTo(200);
        assertThat(denied.path("error").path("message").asText()).isEqualTo("Odoo Server Error");
        assertThat(denied.path("error").path("data").path("name").asText()).isEqualTo("odoo.exceptions.AccessDenied");
    }

    @Test
    void searchReadsWithDomainsOrderAndPagingAndHidesArchivedRecords() throws Exception {
        JsonNode result = executeKw("casedesk-standin-api-key", "res.partner", "search_read",
                List.of(List.of("|", List.of("ref", "=", "C-1"), List.of("name", "ilike", "keller"))),
                Map.of("fields", List.of("name", "ref", "email", "write_date"), "order", "id desc")).path("result");
        assertThat(result).hasSize(2);
        assertThat(result.get(0).path("ref").asText()).isEqualTo("C-2");
        assertThat(result.get(0).path("email").asBoolean(true)).as("an empty field reads false").isFalse();
        assertThat(result.get(1).path("write_date").asText()).isEqualTo("2026-01-01 10:00:00");

        JsonNode all = executeKw("casedesk-standin-api-key", "res.partner", "search_read",
                List.of(List.of(List.of("write_date", ">=", "2026-01-15 00:00:00"))),
                Map.of("fields", List.of("ref", "active"), "context", Map.of("active_test", false))).path("result");
        assertThat(all).extracting(p -> p.path("ref").asText()).containsExactly("C-2", "C-3");

        JsonNode page = executeKw("casedesk-standin-api-key", "res.partner", "search",
                List.of(List.of(List.of("ref", "in", List.of("C-1", "C-2", "C-3")))),
                Map.of("offset", 1, "limit", 1, "order", "id asc")).path("result");
        assertThat(page).hasSize(1);
        assertThat(page.get(0).asLong()).isEqualTo(2);
        assertThat(executeKw("casedesk-standin-api-key", "res.partner", "search_count",
                List.of(List.of("!", List.of("customer_rank", ">", 0))), Map.of()).path("result").asInt()).isEqualTo(1);
    }

    @Test
    void reportsAnInvalidFieldAsOdooDoes() throws Exception {
        JsonNode error = executeKw("casedesk-standin-api-key", "res.partner", "search_read",
                List.of(List.of(List.of("no_such_field", "=", 1))), Map.of()).path("error");
        assertThat(error.path("data").path("name").asText()).isEqualTo("builtins.ValueError");
        assertThat(error.path("data").path("message").asText()).contains("no_such_field");
    }

    @Test
    void json2AnswersWithTheResultAndHttpErrorCodes() throws Exception {
        HttpResponse<String> read = json2("res.partner", "search_read", "casedesk-standin-api-key",
                Map.of("domain", List.of(List.of("ref", "=", "C-1")), "fields", List.of("name", "lang")));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).get(0).path("lang").asText()).isEqualTo("zh_TW");

        HttpResponse<String> badKey = json2("res.partner", "search_read", "wrong", Map.of());
        assertThat(badKey.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(badKey.body()).path("name").asText()).isEqualTo("werkzeug.exceptions.Unauthorized");
        assertThat(json2("no.such.model", "search_read", "casedesk-standin-api-key", Map.of()).statusCode())
                .isEqualTo(404);
        HttpResponse<String> badArgument = json2("res.partner", "read", "casedesk-standin-api-key",
                Map.of("ids", List.of(1), "badparameter", 1));
        assertThat(badArgument.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(badArgument.body()).path("message").asText()).contains("badparameter");
        HttpResponse<String> missing = json2("res.partner", "message_post", "casedesk-standin-api-key",
                Map.of("ids", List.of(999), "body", "x"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).path("name").asText()).isEqualTo("odoo.exceptions.MissingError");
    }

    @Test
    void messagePostWritesTheChatterAndAnswersTheMessageId() throws Exception {
        JsonNode viaRpc = executeKw("casedesk-standin-api-key", "res.partner", "message_post", List.of(List.of(1)),
                Map.of("body", "<p>hello</p>", "body_is_html", true, "message_type", "comment",
                        "subtype_xmlid", "mail.mt_note", "message_id", "<turn-1@casedesk>"));
        long rpcId = viaRpc.path("result").asLong();
        HttpResponse<String> viaJson2 = json2("res.partner", "message_post", "casedesk-standin-api-key",
                Map.of("ids", List.of(1), "body", "a < b", "message_id", "<turn-2@casedesk>"));
        assertThat(viaJson2.statusCode()).isEqualTo(200);
        JsonNode ids = JSON.readTree(viaJson2.body());
        assertThat(ids.isArray()).as("JSON-2 answers a recordset with its ids").isTrue();

        List<Map<String, Object>> messages = odoo.store().searchRead("mail.message",
                List.of(List.of("model", "=", "res.partner"), List.of("res_id", "=", 1)),
                List.of("body", "message_id", "subtype_id"), 0, null, "id asc", Map.of());
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).get("id")).isEqualTo(rpcId);
        assertThat(messages.get(0).get("body")).isEqualTo("<p>hello</p>");
        assertThat(messages.get(1).get("body")).as("a plain-text body is escaped").isEqualTo("a &lt; b");
        assertThat(messages.get(0).get("subtype_id")).isEqualTo(List.of(2L, "Note"));
        JsonNode unknownArgument = executeKw("casedesk-standin-api-key", "res.partner", "message_post",
                List.of(List.of(1)), Map.of("body", "x", "res_id", 5));
        assertThat(unknownArgument.path("error").path("data").path("name").asText()).isEqualTo("builtins.ValueError");
    }

    @Test
    void generatesRealisticDataAndLoadsTheDemoFirm() {
        RecordStore generated = new RecordStore();
        DataGenerator.Summary summary = DataGenerator.generate(generated, 200, 400, 7);
        assertThat(generated.counts().get("res.partner")).isEqualTo(200);
        assertThat(generated.counts().get("project.task")).isEqualTo(400);
        assertThat(summary.invoices()).isBetween(50, 150);
        assertThat(generated.count("project.task", List.of(), Map.of("active_test", false))).isEqualTo(400);
        assertThat(generated.count("project.task", List.of(), Map.of())).isLessThan(400);
        assertThat(generated.search("project.task.type", List.of(List.of("fold", "=", true)), 0, null, null, Map.of()))
                .hasSize(2);

        Path bundle = Path.of("..", "demo-data", "lawfirm-demo.json");
        assertThat(Files.isRegularFile(bundle)).isTrue();
        RecordStore demo = new RecordStore();
        DemoFirmLoader.load(demo, bundle);
        assertThat(demo.counts().get("res.partner")).isEqualTo(12);
        assertThat(demo.counts().get("project.task")).isEqualTo(18);
        assertThat(demo.counts().get("knowledge.article")).isEqualTo(24);
        List<Map<String, Object>> chang = demo.searchRead("res.partner", List.of(List.of("ref", "=", "C-1001")),
                List.of("x_line_user_id", "lang"), 0, null, null, Map.of());
        assertThat(chang.get(0).get("x_line_user_id")).isEqualTo("Uf0d4b5d7bf148e3c5849974bb722897c");
        assertThat(demo.count("account.move", List.of(List.of("invoice_origin", "=", "2026-FAM-0142")), Map.of()))
                .isEqualTo(1);
    }

    private static JsonNode rpc(String service, String method, List<Object> args) throws Exception {
        String body = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "method", "call", "id", 1,
                "params", Map.of("service", service, "method", method, "args", args)));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(odoo.baseUrl() + "/jsonrpc"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode executeKw(String key, String model, String method, List<Object> args,
            Map<String, Object> kwargs) throws Exception {
        return rpc("object", "execute_kw", List.of("casedesk", uid, key, model, method, args, kwargs));
    }

    private static HttpResponse<String> json2(String model, String method, String key, Map<String, Object> body)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(odoo.baseUrl() + "/json/2/" + model + "/" + method))
                .header("Content-Type", "application/json; charset=utf-8").header("Authorization", "bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
