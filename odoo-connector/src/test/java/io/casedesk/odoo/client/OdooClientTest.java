package io.casedesk.odoo.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.casedesk.odoo.support.OdooUnderTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client over both of Odoo's protocols, against the stand-in or a real Odoo ({@code ODOO_URL}; JSON-2 needs
 * Odoo 19): the same calls give the same results, Odoo's refusals are permanent errors, an unreachable or
 * unavailable Odoo is a passing one ({@code OdooRetryIT}: the retries run inside Quarkus's fault tolerance).
 */
class OdooClientTest {

    @ParameterizedTest
    @ValueSource(strings = {"jsonrpc", "json2"})
    void createsReadsSearchesAndPostsWhicheverTheProtocol(String protocol) {
        OdooClient odoo = OdooUnderTest.client(protocol);
        String ref = "CLIENT-" + UUID.randomUUID();
        long id = odoo.create("res.partner", Map.of("name", "Client test", "ref", ref, "email", "client@example.com"));

        List<JsonNode> found = odoo.searchRead("res.partner", List.of(List.of("ref", "=", ref)),
                List.of("name", "email", "phone"), 0, 10, "id asc", Map.of());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("id").asLong()).isEqualTo(id);
        assertThat(found.get(0).path("phone").asBoolean(true)).isFalse();
        assertThat(odoo.search("res.partner", List.of(List.of("ref", "=", ref)), Map.of())).containsExactly(id);
        assertThat(odoo.searchCount("res.partner", List.of(List.of("ref", "=", ref)), Map.of())).isEqualTo(1);

        odoo.write("res.partner", List.of(id), Map.of("active", false));
        assertThat(odoo.search("res.partner", List.of(List.of("ref", "=", ref)), Map.of())).isEmpty();
        assertThat(odoo.search("res.partner", List.of(List.of("ref", "=", ref)), Map.of("active_test", false)))
                .containsExactly(id);
        assertThat(odoo.read("res.partner", List.of(id), List.of("name")).get(0).path("name").asText())
                .isEqualTo("Client test");

        long message = odoo.messagePost("res.partner", id, Map.of("body", "<p>note</p>", "message_type", "comment",
                "subtype_xmlid", "mail.mt_note", "message_id", "<" + ref + "@casedesk>"));
        assertThat(odoo.searchRead("mail.message", List.of(List.of("message_id", "=", "<" + ref + "@casedesk>")),
                List.of("res_id"), 0, null, null, Map.of())).extracting(m -> m.path("id").asLong()).containsExactly(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonrpc", "json2"})
    void odoosRefusalsArePermanentErrors(String protocol) {
        OdooClient odoo = OdooUnderTest.client(protocol);

        assertThatThrownBy(() -> odoo.searchRead("res.partner", List.of(List.of("no_such_field", "=", 1)),
                List.of("name"), 0, null, null, Map.of()))
                .isInstanceOfSatisfying(OdooException.class, e -> assertThat(e.isTransient()).isFalse());
        assertThatThrownBy(() -> odoo.messagePost("res.partner", 999_999_999L, Map.of("body", "x")))
                .isInstanceOfSatisfying(OdooException.class, e -> assertThat(e.isMissingRecord()).isTrue());
        OdooClient wrongKey = new OdooClient("json2".equals(protocol)
                ? new Json2Transport(OdooUnderTest.url(), OdooUnderTest.database(), "wrong-key", Duration.ofSeconds(2),
                        Duration.ofSeconds(10))
                : new JsonRpcTransport(OdooUnderTest.url(), OdooUnderTest.database(), OdooUnderTest.login(), "wrong-key",
                        Duration.ofSeconds(2), Duration.ofSeconds(10)));
        assertThatThrownBy(() -> wrongKey.search("res.partner", List.of(), Map.of()))
                .isInstanceOfSatisfying(OdooException.class, e -> assertThat(e.isTransient()).isFalse());
    }
}
