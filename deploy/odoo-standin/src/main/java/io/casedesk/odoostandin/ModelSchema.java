package io.casedesk.odoostandin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The models the stand-in serves and their fields, as a database with Contacts, Project, Helpdesk, Invoicing and
 * Knowledge installed has them (the fields CaseDesk reads, and a few more), plus the custom {@code x_} fields a
 * firm adds with Studio to hold what Odoo has no field for (a client's LINE user id, the case number). Reading,
 * writing or filtering on any other field is an error, as in Odoo.
 */
final class ModelSchema {

    record Field(String name, FieldType type, String comodel) {
    }

    record Model(String name, Map<String, Field> fields, boolean mailThread, String defaultOrder) {
        boolean hasActive() {
            return fields.containsKey("active");
        }

        Field field(String fieldName) {
            return fields.get(fieldName);
        }
    }

    /** Models whose records have a chatter ({@code mail.thread}): {@code message_post} works on them. */
    private static final Set<String> MAIL_THREADS = Set.of("res.partner", "project.project", "project.task",
            "helpdesk.ticket", "account.move", "knowledge.article");

    private final Map<String, Model> models = new LinkedHashMap<>();

    ModelSchema() {
        model("res.users", "id", b -> b.text("name", "login").bool("active").m2o("partner_id", "res.partner"));
        model("res.currency", "id", b -> b.text("name", "symbol").bool("active"));
        model("res.partner", "id", b -> b.text("name", "ref", "email", "phone", "mobile", "lang", "street", "city",
                        "vat", "function", "x_line_user_id", "x_salutation", "x_verification_secret")
                .bool("active", "is_company", "x_vip").integer("customer_rank", "supplier_rank")
                .m2o("parent_id", "res.partner").m2o("user_id", "res.users").m2o("country_id", "res.country")
                .html("comment"));
        model("res.country", "id", b -> b.text("name", "code"));
        model("project.project", "id", b -> b.text("name").bool("active").m2o("partner_id", "res.partner")
                .m2o("user_id", "res.users"));
        model("project.task.type", "sequence, id", b -> b.text("name").integer("sequence").bool("fold", "active"));
        model("project.task", "priority desc, sequence, id desc", b -> b.text("name", "priority", "x_case_number",
                        "x_stage_detail", "activity_summary")
                .integer("sequence").bool("active").html("description")
                .m2o("partner_id", "res.partner").m2o("project_id", "project.project")
                .m2o("stage_id", "project.task.type").m2m("user_ids", "res.users")
                .date("date_deadline", "activity_date_deadline").datetime("date_assign", "date_last_stage_update"));
        model("helpdesk.team", "id", b -> b.text("name").bool("active"));
        model("helpdesk.stage", "sequence, id", b -> b.text("name").integer("sequence").bool("fold", "active"));
        model("helpdesk.ticket", "priority desc, id desc", b -> b.text("name", "ticket_ref", "priority",
                        "activity_summary", "x_case_number", "x_stage_detail")
                .bool("active").html("description").m2o("partner_id", "res.partner").m2o("team_id", "helpdesk.team")
                .m2o("stage_id", "helpdesk.stage").m2o("user_id", "res.users")
                .date("activity_date_deadline").datetime("sla_deadline", "close_date"));
        model("account.move", "date desc, name desc, id desc", b -> b.text("name", "ref", "invoice_origin",
                        "move_type", "state", "payment_state")
                .money("amount_total", "amount_residual", "amount_untaxed")
                .m2o("partner_id", "res.partner").m2o("currency_id", "res.currency")
                .date("date", "invoice_date", "invoice_date_due"));
        model("mail.message.subtype", "id", b -> b.text("name").bool("internal"));
        model("mail.message", "id desc", b -> b.text("model", "message_type", "message_id", "subject",
                        "record_name", "email_from")
                .integer("res_id").html("body").datetime("date").m2o("author_id", "res.partner")
                .m2o("subtype_id", "mail.message.subtype").m2o("parent_id", "mail.message")
                .m2m("partner_ids", "res.partner"));
        model("knowledge.article", "sequence, id", b -> b.text("name", "x_article_id", "x_language", "x_tags")
                .integer("sequence").bool("active").html("body").m2o("parent_id", "knowledge.article"));
    }

    private void model(String name, String defaultOrder, java.util.function.Consumer<FieldsBuilder> fields) {
        FieldsBuilder builder = new FieldsBuilder();
        builder.fields.put("id", new Field("id", FieldType.INTEGER, null));
        builder.text("display_name");
        builder.datetime("create_date", "write_date");
        builder.m2o("create_uid", "res.users").m2o("write_uid", "res.users");
        fields.accept(builder);
        models.put(name, new Model(name, Collections.unmodifiableMap(builder.fields), MAIL_THREADS.contains(name),
                defaultOrder));
    }

    Model model(String name) {
        return models.get(name);
    }

    Set<String> modelNames() {
        return models.keySet();
    }

    private static final class FieldsBuilder {
        private final Map<String, Field> fields = new LinkedHashMap<>();

        private FieldsBuilder add(FieldType type, String comodel, String... names) {
            for (String name : names) {
                fields.put(name, new Field(name, type, comodel));
            }
            return this;
        }

        FieldsBuilder text(String... names) {
            return add(FieldType.CHAR, null, names);
        }

        FieldsBuilder html(String... names) {
            return add(FieldType.HTML, null, names);
        }

        FieldsBuilder integer(String... names) {
            return add(FieldType.INTEGER, null, names);
        }

        FieldsBuilder money(String... names) {
            return add(FieldType.MONETARY, null, names);
        }

        FieldsBuilder bool(String... names) {
            return add(FieldType.BOOLEAN, null, names);
        }

        FieldsBuilder date(String... names) {
            return add(FieldType.DATE, null, names);
        }

        FieldsBuilder datetime(String... names) {
            return add(FieldType.DATETIME, null, names);
        }

        FieldsBuilder m2o(String name, String comodel) {
            return add(FieldType.MANY2ONE, comodel, name);
        }

        FieldsBuilder m2m(String name, String comodel) {
            return add(FieldType.MANY2MANY, comodel, name);
        }
    }
}
