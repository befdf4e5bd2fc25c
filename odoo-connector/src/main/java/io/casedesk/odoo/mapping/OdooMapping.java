package io.casedesk.odoo.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casedesk.odoo.config.OdooConfig;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The firm's mapping ({@link OdooConfig}) from Odoo records to entries of case-service's import bundle (DESIGN §7):
 * {@code res.partner} → customer, the case model's records → cases, the knowledge model's → articles. It also says
 * which fields to read for each.
 */
public final class OdooMapping {

    public static final String PARTNER_MODEL = "res.partner";
    public static final String INVOICE_MODEL = "account.move";
    public static final Set<String> STATUSES = Set.of("intake", "in_progress", "awaiting_client", "awaiting_court",
            "closed");
    /** case-service's own check, so that one bad address does not fail a whole bundle. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** An open amount of one case, in its currency. */
    public record Fee(BigDecimal amount, String currency) {
    }

    private final OdooConfig config;

    public OdooMapping(OdooConfig config) {
        this.config = config;
        config.cases().statusByStage().forEach((stage, status) -> {
            if (!STATUSES.contains(status)) {
                throw new IllegalStateException("casedesk.odoo.case.status-by-stage for stage '" + stage + "' is '"
                        + status + "'; it must be one of " + STATUSES);
            }
        });
        if (!STATUSES.contains(config.cases().defaultStatus())) {
            throw new IllegalStateException("casedesk.odoo.case.default-status must be one of " + STATUSES);
        }
    }

    public OdooConfig config() {
        return config;
    }

    // --- partners ----------------------------------------------------------------------------------------------

    public List<String> partnerFields() {
        Set<String> fields = new LinkedHashSet<>(List.of("id", "write_date", "active", "name", "email", "phone",
                "mobile", "lang", config.customer().refField()));
        config.customer().lineUserIdField().ifPresent(fields::add);
        config.customer().salutationField().ifPresent(fields::add);
        config.customer().vipField().ifPresent(fields::add);
        config.customer().verificationSecretField().ifPresent(fields::add);
        return List.copyOf(fields);
    }

    public String customerRef(JsonNode partner) {
        return OdooValues.text(partner, config.customer().refField())
                .orElse(config.customer().refPrefix() + partner.path("id").asLong());
    }

    /** The customer entry, or empty when the partner cannot be one (no name). */
    public Optional<ObjectNode> customer(JsonNode partner) {
        Optional<String> name = OdooValues.text(partner, "name");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode customer = JSON.createObjectNode();
        customer.put("ref", customerRef(partner));
        customer.put("name", name.get());
        String language = language(OdooValues.text(partner, "lang").orElse(null));
        config.customer().salutationField().flatMap(f -> OdooValues.text(partner, f))
                .ifPresent(s -> customer.set("salutation", salutation(s, language)));
        if (language != null) {
            customer.put("language", language);
        }
        OdooValues.text(partner, "email").filter(e -> EMAIL.matcher(e).matches())
                .ifPresent(e -> customer.put("email", e));
        OdooValues.text(partner, "phone").or(() -> OdooValues.text(partner, "mobile"))
                .ifPresent(p -> customer.put("phone", p));
        config.customer().lineUserIdField().flatMap(f -> OdooValues.text(partner, f))
                .ifPresent(id -> customer.put("lineUserId", id));
        customer.put("vip", config.customer().vipField().map(f -> OdooValues.bool(partner, f)).orElse(false));
        config.customer().verificationSecretField().flatMap(f -> OdooValues.text(partner, f))
                .ifPresent(s -> customer.put("verificationSecret", s));
        return Optional.of(customer);
    }

    /** CaseDesk's language tag (BCP 47) for Odoo's code: zh_TW and zh_HK are Traditional, zh_CN Simplified. */
    public static String language(String odooLang) {
        if (odooLang == null || odooLang.isBlank()) {
            return null;
        }
        String lang = odooLang.toLowerCase(Locale.ROOT).replace('-', '_');
        if (lang.startsWith("zh_tw") || lang.startsWith("zh_hk") || lang.startsWith("zh_mo")) {
            return "zh-Hant";
        }
        if (lang.startsWith("zh")) {
            return "zh-Hans";
        }
        int underscore = lang.indexOf('_');
        return underscore < 0 ? lang : lang.substring(0, underscore);
    }

    private static JsonNode salutation(String value, String language) {
        if (value.startsWith("{")) {
            try {
                JsonNode parsed = JSON.readTree(value);
                if (parsed.isObject()) {
                    return parsed;
                }
            } catch (java.io.IOException e) {
                // Plain text after all.
            }
        }
        return JSON.createObjectNode().put(language == null ? "zh-Hant" : language, value);
    }

    // --- cases -------------------------------------------------------------------------------------------------

    public String caseModel() {
        return config.cases().model();
    }

    public List<String> caseFields() {
        OdooConfig.Case c = config.cases();
        Set<String> fields = new LinkedHashSet<>(List.of("id", "write_date", "active", "partner_id", c.titleField(),
                c.stageField()));
        if (!"id".equals(c.numberField())) {
            fields.add(c.numberField());
        }
        c.typeField().ifPresent(fields::add);
        c.stageTextField().ifPresent(fields::add);
        c.assigneeField().ifPresent(fields::add);
        c.openedField().ifPresent(fields::add);
        fields.addAll(c.nextStepDateFields());
        c.nextStepDescriptionField().ifPresent(fields::add);
        return List.copyOf(fields);
    }

    /** The case number, or empty when the number field is empty. */
    public Optional<String> caseNumber(JsonNode record) {
        OdooConfig.Case c = config.cases();
        if ("id".equals(c.numberField())) {
            return Optional.of(c.numberPrefix() + record.path("id").asLong());
        }
        return OdooValues.text(record, c.numberField());
    }

    /** Whether the record's stage makes the case closed (for picking the case a conversation belongs to). */
    public String status(JsonNode record) {
        String stage = OdooValues.text(record, config.cases().stageField()).orElse("");
        Map<String, String> byStage = config.cases().statusByStage();
        String status = byStage.get(stage);
        if (status == null) {
            status = byStage.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(stage))
                    .map(Map.Entry::getValue).findFirst().orElse(config.cases().defaultStatus());
        }
        return status;
    }

    /** The user ids of an x2many assignee field ({@code user_ids}), to read their names once per run. */
    public List<Long> assigneeIds(JsonNode record) {
        return config.cases().assigneeField().filter(f -> !isMany2one(record.get(f)))
                .map(f -> OdooValues.ids(record, f)).orElse(List.of());
    }

    private static boolean isMany2one(JsonNode value) {
        return value != null && value.isArray() && value.size() == 2 && value.get(1).isTextual();
    }

    public Optional<ObjectNode> caseEntry(JsonNode record, String customerRef, Map<Long, String> userNames, Fee fee) {
        OdooConfig.Case c = config.cases();
        Optional<String> number = caseNumber(record);
        Optional<String> title = OdooValues.text(record, c.titleField());
        if (number.isEmpty() || title.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode entry = JSON.createObjectNode();
        entry.put("number", number.get());
        entry.put("customerRef", customerRef);
        entry.put("title", title.get());
        c.typeField().flatMap(f -> OdooValues.text(record, f)).ifPresent(t -> entry.put("type", t));
        entry.put("status", status(record));
        c.stageTextField().flatMap(f -> OdooValues.text(record, f))
                .or(() -> OdooValues.text(record, c.stageField()))
                .ifPresent(s -> entry.put("stage", s));
        c.assigneeField().ifPresent(field -> {
            JsonNode value = record.get(field);
            List<String> names = isMany2one(value) ? List.of(value.get(1).asText())
                    : assigneeIds(record).stream().map(userNames::get).filter(java.util.Objects::nonNull).toList();
            if (!names.isEmpty()) {
                entry.put("assignee", String.join(", ", names));
            }
        });
        c.openedField().flatMap(f -> OdooValues.date(record, f)).ifPresent(d -> entry.put("openedAt", d));
        Optional<String> nextDate = c.nextStepDateFields().stream()
                .map(f -> OdooValues.date(record, f)).flatMap(Optional::stream).findFirst();
        Optional<String> nextDescription = c.nextStepDescriptionField().flatMap(f -> OdooValues.text(record, f));
        if (nextDate.isPresent() || nextDescription.isPresent()) {
            ObjectNode nextStep = entry.putObject("nextStep");
            nextDate.ifPresent(d -> nextStep.put("date", d));
            nextDescription.ifPresent(d -> nextStep.put("description", d));
        }
        if (fee != null && fee.amount().signum() > 0) {
            entry.putObject("outstandingFee").put("amount", fee.amount()).put("currency", fee.currency());
        }
        return Optional.of(entry);
    }

    // --- fees ----------------------------------------------------------------------------------------------------

    public List<String> invoiceFields() {
        return List.of("id", "write_date", config.fees().caseField(), "amount_residual", "currency_id");
    }

    /** Posted customer invoices not fully paid, of the given cases. */
    public List<Object> openInvoicesDomain(List<String> caseNumbers) {
        return List.of(List.of(config.fees().caseField(), "in", caseNumbers),
                List.of("move_type", "=", "out_invoice"), List.of("state", "=", "posted"),
                List.of("payment_state", "in", List.of("not_paid", "partial")));
    }

    // --- articles --------------------------------------------------------------------------------------------------

    public List<String> articleFields() {
        OdooConfig.Knowledge k = config.knowledge();
        Set<String> fields = new LinkedHashSet<>(List.of("id", "write_date", "active", k.titleField(), k.bodyField()));
        k.idField().ifPresent(fields::add);
        k.languageField().ifPresent(fields::add);
        k.tagsField().ifPresent(fields::add);
        return List.copyOf(fields);
    }

    public String articleId(JsonNode record) {
        return config.knowledge().idField().flatMap(f -> OdooValues.text(record, f))
                .orElse("odoo-article-" + record.path("id").asLong());
    }

    public Optional<ObjectNode> article(JsonNode record) {
        OdooConfig.Knowledge k = config.knowledge();
        Optional<String> title = OdooValues.text(record, k.titleField());
        Optional<String> body = OdooValues.text(record, k.bodyField()).map(HtmlText::toText).filter(b -> !b.isBlank());
        if (title.isEmpty() || body.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode article = JSON.createObjectNode();
        article.put("id", articleId(record));
        article.put("language", k.languageField().flatMap(f -> OdooValues.text(record, f)).orElse(k.defaultLanguage()));
        article.put("title", title.get());
        article.put("body", body.get());
        var tags = article.putArray("tags");
        k.tagsField().flatMap(f -> OdooValues.text(record, f)).ifPresent(t -> {
            for (String tag : t.split(",")) {
                if (!tag.isBlank()) {
                    tags.add(tag.strip());
                }
            }
        });
        return Optional.of(article);
    }

    /** A fingerprint of what an entry writes, so an unchanged record is not written again. */
    public static String hash(JsonNode entry) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(entry.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
