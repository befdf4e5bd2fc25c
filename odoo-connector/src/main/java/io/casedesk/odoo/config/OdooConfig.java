package io.casedesk.odoo.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How this firm's Odoo is reached and how its models map to CaseDesk's. Everything a firm sets for its own Odoo
 * is here (see the README's "Configuring your Odoo"); the defaults fit an Odoo 17/18 with Contacts, Project and
 * Invoicing, cases as {@code project.task}.
 */
@ConfigMapping(prefix = "casedesk.odoo")
public interface OdooConfig {

    Connection connection();

    Sync sync();

    Customer customer();

    @WithName("case")
    Case cases();

    Fees fees();

    Knowledge knowledge();

    @WithName("write-back")
    WriteBack writeBack();

    /** The keys that may call the admin API ({@code /api/v1/sync/*}), by caller name. */
    @WithName("admin-keys")
    Map<String, String> adminKeys();

    interface Connection {
        /** The Odoo server's base URL, e.g. {@code https://firm.odoo.com}. */
        String url();

        /** {@code jsonrpc} ({@code /jsonrpc}, Odoo 17 and 18) or {@code json2} ({@code /json/2}, Odoo 19 and later). */
        @WithDefault("jsonrpc")
        String protocol();

        /** The database; JSON-2 sends it as {@code X-Odoo-Database} when set. */
        Optional<String> database();

        /** The login of the integration user (JSON-RPC authenticates with it). */
        Optional<String> login();

        /** The integration user's API key (JSON-RPC accepts it in place of the password). */
        @WithName("api-key")
        String apiKey();

        @WithDefault("10s")
        Duration timeout();

        @WithDefault("3s")
        @WithName("connect-timeout")
        Duration connectTimeout();

        Retry retry();

        interface Retry {
            /** Retries of one call that failed for a passing reason (unreachable, 502/503/504, timeout). */
            @WithDefault("4")
            @WithName("max-retries")
            int maxRetries();

            @WithDefault("500ms")
            @WithName("initial-delay")
            Duration initialDelay();

            @WithDefault("15s")
            @WithName("max-delay")
            Duration maxDelay();
        }
    }

    interface Sync {
        @WithDefault("true")
        boolean enabled();

        /** Between incremental runs. */
        @WithDefault("60s")
        Duration interval();

        /** Before the first run after start. */
        @WithDefault("5s")
        @WithName("initial-delay")
        Duration initialDelay();

        /** Records per Odoo read. */
        @WithDefault("500")
        @WithName("page-size")
        int pageSize();

        /** Records per import call to case-service. */
        @WithDefault("1000")
        @WithName("batch-size")
        int batchSize();

        /** How far before the last change seen the next incremental run starts again (clock skew, slow commits). */
        @WithDefault("60s")
        Duration overlap();

        /** Each incremental run also compares the ids Odoo has with those synced, to find deleted records. */
        @WithDefault("true")
        @WithName("detect-deletions")
        boolean detectDeletions();

        /** Readiness turns DOWN when no run has succeeded for this long (degraded before that). */
        @WithDefault("15m")
        @WithName("down-after")
        Duration downAfter();
    }

    interface Customer {
        /** Which partners are clients, as an Odoo domain in JSON, e.g. {@code [["customer_rank",">",0]]}. */
        @WithDefault("[]")
        String domain();

        /** The partner field holding the customer's ref; empty refs get {@code ref-prefix} + the partner id. */
        @WithDefault("ref")
        @WithName("ref-field")
        String refField();

        @WithDefault("odoo-partner-")
        @WithName("ref-prefix")
        String refPrefix();

        /** The field where the firm keeps the client's LINE user id (a custom field, e.g. {@code x_line_user_id}). */
        @WithName("line-user-id-field")
        Optional<String> lineUserIdField();

        /** A field with the salutation: JSON by language ({@code {"zh-Hant":"張先生"}}) or plain text. */
        @WithName("salutation-field")
        Optional<String> salutationField();

        /** A boolean field marking VIP clients. */
        @WithName("vip-field")
        Optional<String> vipField();

        /** A field with the secret the firm gave the client for linking their LINE account (DESIGN §4). */
        @WithName("verification-secret-field")
        Optional<String> verificationSecretField();
    }

    interface Case {
        /** {@code project.task} or {@code helpdesk.ticket}. */
        @WithDefault("project.task")
        String model();

        /** Which records are cases, as an Odoo domain in JSON, e.g. {@code [["project_id.name","=","Cases"]]}. */
        @WithDefault("[]")
        String domain();

        /** The field holding the case number; {@code id} numbers cases {@code number-prefix} + the record id. */
        @WithDefault("id")
        @WithName("number-field")
        String numberField();

        @WithDefault("ODOO-")
        @WithName("number-prefix")
        String numberPrefix();

        @WithDefault("name")
        @WithName("title-field")
        String titleField();

        /** The case type: {@code project_id} (the project's name) for tasks, {@code team_id} for tickets. */
        @WithDefault("project_id")
        @WithName("type-field")
        Optional<String> typeField();

        /** The stage record; its name gives the status through {@code status-by-stage}. */
        @WithDefault("stage_id")
        @WithName("stage-field")
        String stageField();

        /** The text the client is told as the stage; the stage's name when not set. */
        @WithName("stage-text-field")
        Optional<String> stageTextField();

        /** Stage name → CaseDesk status ({@code intake in_progress awaiting_client awaiting_court closed}). */
        @WithName("status-by-stage")
        Map<String, String> statusByStage();

        /** The status of a stage not listed in {@code status-by-stage}. */
        @WithDefault("in_progress")
        @WithName("default-status")
        String defaultStatus();

        /** {@code user_ids} (tasks, many users) or {@code user_id} (tickets). */
        @WithDefault("user_ids")
        @WithName("assignee-field")
        Optional<String> assigneeField();

        @WithDefault("create_date")
        @WithName("opened-field")
        Optional<String> openedField();

        /** Next step: the next activity's date and summary, else the deadline. */
        @WithDefault("activity_date_deadline,date_deadline")
        @WithName("next-step-date-fields")
        List<String> nextStepDateFields();

        @WithDefault("activity_summary")
        @WithName("next-step-description-field")
        Optional<String> nextStepDescriptionField();
    }

    interface Fees {
        /** Open customer invoices ({@code account.move}) give each case its outstanding fee. */
        @WithDefault("true")
        boolean enabled();

        /** The invoice field naming the case number (the source document by default). */
        @WithDefault("invoice_origin")
        @WithName("case-field")
        String caseField();
    }

    interface Knowledge {
        /** The model holding the firm's articles, e.g. {@code knowledge.article}; none: no articles synced. */
        Optional<String> model();

        @WithDefault("[]")
        String domain();

        /** A field with the article id; empty: {@code odoo-article-} + the record id. */
        @WithName("id-field")
        Optional<String> idField();

        @WithDefault("name")
        @WithName("title-field")
        String titleField();

        /** An HTML or text field; HTML is turned into plain text. */
        @WithDefault("body")
        @WithName("body-field")
        String bodyField();

        @WithName("language-field")
        Optional<String> languageField();

        @WithDefault("zh-Hant")
        @WithName("default-language")
        String defaultLanguage();

        /** A text field of comma-separated tags. */
        @WithName("tags-field")
        Optional<String> tagsField();
    }

    interface WriteBack {
        @WithDefault("true")
        boolean enabled();

        /** Personal data (ids, phone, card and account numbers, emails) replaced by placeholders before posting. */
        @WithDefault("true")
        boolean redact();

        /** Which turns are written: {@code inbound answer draft handoff agent_reply}. */
        @WithDefault("inbound,answer,handoff,agent_reply")
        List<String> kinds();

        /**
         * Posts an HTML body with {@code body_is_html} (Odoo 17.2 and later); false posts plain text, which Odoo
         * escapes itself, for versions that do not know the argument.
         */
        @WithDefault("true")
        @WithName("body-is-html")
        boolean bodyIsHtml();

        /** How often the chatter outbox is sent. */
        @WithDefault("1s")
        @WithName("send-interval")
        Duration sendInterval();

        /** Posted entries are kept this long (their body is cleared once posted), then forgotten. */
        @WithDefault("P30D")
        Duration retention();
    }
}
