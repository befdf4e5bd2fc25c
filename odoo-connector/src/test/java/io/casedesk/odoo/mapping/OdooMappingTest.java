package io.casedesk.odoo.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casedesk.odoo.config.OdooConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The firm's mapping from Odoo's records to case-service's bundle entries. */
class OdooMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static OdooConfig config(Map<String, String> settings) {
        Map<String, String> values = new HashMap<>(Map.of(
                "casedesk.odoo.connection.url", "http://127.0.0.1:1",
                "casedesk.odoo.connection.api-key", "k",
                "casedesk.odoo.case.status-by-stage.\"Waiting for Court\"", "awaiting_court",
                "casedesk.odoo.case.status-by-stage.Done", "closed"));
        values.putAll(settings);
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(OdooConfig.class)
                .withConverter(java.time.Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new MapBackedConfigSource("test", values) {
                }).build();
        return config.getConfigMapping(OdooConfig.class);
    }

    @Test
    void mapsAPartnerWithTheFirmsCustomFields() throws Exception {
        OdooMapping mapping = new OdooMapping(config(Map.of("casedesk.odoo.customer.line-user-id-field", "x_line_user_id",
                "casedesk.odoo.customer.salutation-field", "x_salutation")));
        JsonNode partner = JSON.readTree("""
                {"id": 7, "name": "張志明", "ref": false, "email": "not an address", "phone": false,
                 "mobile": "+886-912-000-101", "lang": "zh_TW", "x_line_user_id": "Uabc", "x_salutation": "張先生",
                 "active": true, "write_date": "2026-12-05 08:00:00"}""");

        ObjectNode customer = mapping.customer(partner).orElseThrow();

        assertThat(customer.path("ref").asText()).isEqualTo("odoo-partner-7");
        assertThat(customer.path("language").asText()).isEqualTo("zh-Hant");
        assertThat(customer.has("email")).as("an address case-service would refuse is left out").isFalse();
        assertThat(customer.path("phone").asText()).isEqualTo("+886-912-000-101");
        assertThat(customer.path("lineUserId").asText()).isEqualTo("Uabc");
        assertThat(customer.path("salutation").path("zh-Hant").asText()).isEqualTo("張先生");
        assertThat(mapping.partnerFields()).contains("x_line_user_id", "x_salutation", "ref");
        assertThat(OdooMapping.language("zh_CN")).isEqualTo("zh-Hans");
        assertThat(OdooMapping.language("en_US")).isEqualTo("en");
    }

    @Test
    void mapsATaskWithStageStatusAssigneesNextStepAndFee() throws Exception {
        OdooMapping mapping = new OdooMapping(config(Map.of()));
        JsonNode task = JSON.readTree("""
                {"id": 42, "name": "離婚訴訟", "partner_id": [7, "張志明"], "project_id": [3, "Family Law"],
                 "stage_id": [5, "Waiting for Court"], "user_ids": [2, 9], "create_date": "2026-03-02 01:00:00",
                 "activity_date_deadline": false, "date_deadline": "2026-12-03", "activity_summary": "言詞辯論",
                 "active": true}""");

        ObjectNode entry = mapping.caseEntry(task, "C-1001", Map.of(2L, "林律師", 9L, "許律師"),
                new OdooMapping.Fee(new BigDecimal("30000"), "TWD")).orElseThrow();

        assertThat(entry.path("number").asText()).isEqualTo("ODOO-42");
        assertThat(entry.path("status").asText()).isEqualTo("awaiting_court");
        assertThat(entry.path("stage").asText()).isEqualTo("Waiting for Court");
        assertThat(entry.path("type").asText()).isEqualTo("Family Law");
        assertThat(entry.path("assignee").asText()).isEqualTo("林律師, 許律師");
        assertThat(entry.path("openedAt").asText()).isEqualTo("2026-03-02");
        assertThat(entry.path("nextStep").path("date").asText()).isEqualTo("2026-12-03");
        assertThat(entry.path("nextStep").path("description").asText()).isEqualTo("言詞辯論");
        assertThat(entry.path("outstandingFee").path("amount").decimalValue()).isEqualByComparingTo("30000");
        assertThat(mapping.status(JSON.readTree("{\"stage_id\": [1, \"Unlisted\"]}"))).isEqualTo("in_progress");
        assertThat(mapping.status(JSON.readTree("{\"stage_id\": [1, \"done\"]}"))).isEqualTo("closed");
        assertThat(OdooMapping.hash(entry)).isEqualTo(OdooMapping.hash(entry.deepCopy()));
    }

    @Test
    void mapsAHelpdeskTicketWithItsOwnFields() throws Exception {
        OdooMapping mapping = new OdooMapping(config(Map.of("casedesk.odoo.case.model", "helpdesk.ticket",
                "casedesk.odoo.case.number-field", "ticket_ref", "casedesk.odoo.case.type-field", "team_id",
                "casedesk.odoo.case.assignee-field", "user_id")));
        JsonNode ticket = JSON.readTree("""
                {"id": 5, "name": "Deposit dispute", "ticket_ref": "00012", "partner_id": [7, "Anna"],
                 "team_id": [1, "Tenancy"], "stage_id": [2, "Done"], "user_id": [4, "Ms. Chou"], "active": true}""");

        ObjectNode entry = mapping.caseEntry(ticket, "C-7", Map.of(), null).orElseThrow();

        assertThat(entry.path("number").asText()).isEqualTo("00012");
        assertThat(entry.path("status").asText()).isEqualTo("closed");
        assertThat(entry.path("assignee").asText()).isEqualTo("Ms. Chou");
        assertThat(entry.path("type").asText()).isEqualTo("Tenancy");
        assertThat(mapping.caseFields()).contains("ticket_ref", "team_id", "user_id");
    }

    @Test
    void mapsAnArticleFromHtml() throws Exception {
        OdooMapping mapping = new OdooMapping(config(Map.of("casedesk.odoo.knowledge.model", "knowledge.article",
                "casedesk.odoo.knowledge.id-field", "x_article_id", "casedesk.odoo.knowledge.tags-field", "x_tags")));
        JsonNode article = JSON.readTree("""
                {"id": 3, "name": "Office hours", "body": "<p>Mon&ndash;Fri</p><p>09:00 &amp; 13:30</p>",
                 "x_article_id": "kb-hours", "x_tags": "hours, office", "active": true}""");

        ObjectNode entry = mapping.article(article).orElseThrow();

        assertThat(entry.path("id").asText()).isEqualTo("kb-hours");
        assertThat(entry.path("language").asText()).isEqualTo("zh-Hant");
        assertThat(entry.path("body").asText()).isEqualTo("Mon–Fri\n09:00 & 13:30");
        assertThat(entry.path("tags")).extracting(JsonNode::asText).containsExactly("hours", "office");
    }

    @Test
    void refusesAStatusCaseDeskDoesNotKnow() {
        assertThatThrownBy(() -> new OdooMapping(config(Map.of("casedesk.odoo.case.status-by-stage.Done", "finished"))))
                .hasMessageContaining("finished");
    }

}
