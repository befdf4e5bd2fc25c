package io.casedesk.odoostandin;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a CaseDesk import bundle (the demo firm's {@code lawfirm-demo.json}) into the stand-in as a law firm
 * would keep it in Odoo: each customer a {@code res.partner} (with the firm's custom fields for the LINE user
 * id, the salutation, VIP and the verification secret), each case a {@code project.task} in the project of its
 * type and the stage of its status (the detailed stage text, next step as the next activity, the lawyer as
 * assignee), each outstanding fee an open customer invoice ({@code account.move}) whose source document is the
 * case number, each history entry a note in the task's chatter, each article a {@code knowledge.article}.
 */
public final class DemoFirmLoader {

    /** The stages of the firm's case project, by CaseDesk status. */
    public static final Map<String, String> STAGE_BY_STATUS = Map.of(
            "intake", "Intake",
            "in_progress", "In Progress",
            "awaiting_client", "Waiting for Client",
            "awaiting_court", "Waiting for Court",
            "closed", "Closed");

    private final RecordStore store;
    private final Map<String, Long> users = new HashMap<>();
    private final Map<String, Long> projects = new HashMap<>();
    private final Map<String, Long> currencies = new HashMap<>();
    private final Map<String, Long> stages = new LinkedHashMap<>();

    private DemoFirmLoader(RecordStore store) {
        this.store = store;
    }

    public static void load(RecordStore store, Path bundle) {
        try {
            load(store, Json.MAPPER.readTree(bundle.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + bundle, e);
        }
    }

    public static void load(RecordStore store, JsonNode bundle) {
        new DemoFirmLoader(store).loadBundle(bundle);
    }

    /** Odoo's language code for a CaseDesk (BCP 47) one. */
    public static String odooLang(String language) {
        if (language == null) {
            return null;
        }
        return switch (language) {
            case "zh-Hant" -> "zh_TW";
            case "zh-Hans" -> "zh_CN";
            case "en" -> "en_US";
            default -> language.replace('-', '_');
        };
    }

    private void loadBundle(JsonNode bundle) {
        int sequence = 1;
        for (String status : List.of("intake", "in_progress", "awaiting_client", "awaiting_court", "closed")) {
            stages.put(status, store.insert("project.task.type", Map.of("name", STAGE_BY_STATUS.get(status),
                    "sequence", sequence++, "fold", "closed".equals(status)), at("2026-01-01")));
        }
        Map<String, Long> partners = new HashMap<>();
        for (JsonNode customer : bundle.path("customers")) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("name", customer.path("name").asText());
            values.put("ref", customer.path("ref").asText());
            values.put("customer_rank", 1);
            put(values, "email", customer.path("email"));
            put(values, "phone", customer.path("phone"));
            values.put("lang", odooLang(text(customer.path("language"))));
            put(values, "x_line_user_id", customer.path("lineUserId"));
            put(values, "x_verification_secret", customer.path("verificationSecret"));
            values.put("x_vip", customer.path("vip").asBoolean(false));
            if (customer.path("salutation").isObject()) {
                values.put("x_salutation", customer.path("salutation").toString());
            }
            values.values().removeIf(java.util.Objects::isNull);
            partners.put(customer.path("ref").asText(), store.insert("res.partner", values, at("2026-01-15")));
        }
        for (JsonNode customerCase : bundle.path("cases")) {
            loadCase(customerCase, partners);
        }
        for (JsonNode article : bundle.path("articles")) {
            List<String> tags = new ArrayList<>();
            article.path("tags").forEach(tag -> tags.add(tag.asText()));
            store.insert("knowledge.article", Map.of(
                    "name", article.path("title").asText(),
                    "body", toHtml(article.path("body").asText()),
                    "x_article_id", article.path("id").asText(),
                    "x_language", article.path("language").asText(),
                    "x_tags", String.join(",", tags)), at("2026-02-01"));
        }
    }

    private void loadCase(JsonNode customerCase, Map<String, Long> partners) {
        String number = customerCase.path("number").asText();
        long partner = partners.get(customerCase.path("customerRef").asText());
        LocalDateTime opened = customerCase.hasNonNull("openedAt") ? at(customerCase.path("openedAt").asText())
                : at("2026-01-20");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", customerCase.path("title").asText());
        values.put("x_case_number", number);
        values.put("partner_id", partner);
        String type = text(customerCase.path("type"));
        if (type != null) {
            values.put("project_id", projects.computeIfAbsent(type,
                    t -> store.insert("project.project", Map.of("name", t), at("2026-01-01"))));
        }
        values.put("stage_id", stages.get(customerCase.path("status").asText("in_progress")));
        put(values, "x_stage_detail", customerCase.path("stage"));
        String assignee = text(customerCase.path("assignee"));
        if (assignee != null) {
            values.put("user_ids", List.of(users.computeIfAbsent(assignee,
                    name -> store.insert("res.users", Map.of("name", name, "login", "lawyer" + (users.size() + 1)),
                            at("2026-01-01")))));
        }
        JsonNode nextStep = customerCase.path("nextStep");
        put(values, "activity_date_deadline", nextStep.path("date"));
        put(values, "activity_summary", nextStep.path("description"));
        values.values().removeIf(java.util.Objects::isNull);
        long task = store.insert("project.task", values, opened);

        JsonNode fee = customerCase.path("outstandingFee");
        if (fee.isObject() && fee.path("amount").asDouble() > 0) {
            String currency = fee.path("currency").asText("TWD");
            long currencyId = currencies.computeIfAbsent(currency,
                    c -> store.insert("res.currency", Map.of("name", c, "symbol", c), at("2026-01-01")));
            double amount = fee.path("amount").asDouble();
            store.insert("account.move", Map.of(
                    "name", "INV/2026/" + String.format("%05d", task),
                    "move_type", "out_invoice", "state", "posted", "payment_state", "not_paid",
                    "partner_id", partner, "currency_id", currencyId, "invoice_origin", number,
                    "amount_total", amount, "amount_residual", amount,
                    "invoice_date", opened.toLocalDate().toString()), opened.plusDays(1));
        }
        for (JsonNode entry : customerCase.path("history")) {
            LocalDateTime when = OffsetDateTime.parse(entry.path("at").asText()).withOffsetSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime();
            store.insert("mail.message", Map.of("model", "project.task", "res_id", task,
                    "body", toHtml(entry.path("entry").asText()), "message_type", "comment", "subtype_id", 2L,
                    "date", Domain.ODOO_DATETIME.format(when)), when);
        }
    }

    /** Plain text as the HTML a rich-text field holds: one paragraph per line. */
    static String toHtml(String text) {
        StringBuilder html = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            html.append("<p>").append(line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
                    .append("</p>");
        }
        return html.toString();
    }

    private static void put(Map<String, Object> values, String field, JsonNode node) {
        String value = text(node);
        if (value != null) {
            values.put(field, value);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.asText().isBlank() ? null : node.asText();
    }

    private static LocalDateTime at(String date) {
        return LocalDate.parse(date).atTime(1, 0);
    }
}
