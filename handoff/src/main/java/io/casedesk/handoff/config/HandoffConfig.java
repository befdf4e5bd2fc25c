package io.casedesk.handoff.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The handoff service's settings, under {@code casedesk.handoff}. */
@ConfigMapping(prefix = "casedesk.handoff")
public interface HandoffConfig {

    /** How many of the conversation's most recent turns a new ticket carries. */
    @WithDefault("10")
    int historyTurns();

    /** Waiting for an agent this long, the customer is told that they may keep waiting (DESIGN §5). */
    @WithDefault("PT60S")
    Duration waitTimeout();

    /** This long after the agent's last message without an answer, the conversation goes back to the bot. */
    @WithDefault("PT180S")
    Duration inactivityTimeout();

    /** How long after a close the rating question stays open (the bot stays silent meanwhile). */
    @WithDefault("PT10M")
    Duration ratingWindow();

    /** How often timeouts, service hours and assignments are checked. */
    @WithDefault("1s")
    String tickInterval();

    /** How long processed event ids are kept to recognise redelivered records. */
    @WithDefault("P7D")
    Duration processedIdsRetention();

    /** Open tickets an agent takes at once, unless the agent's own entry says otherwise. */
    @WithDefault("3")
    int defaultCapacity();

    /** Agents by sign-in name: the languages and intents they serve and their capacity. */
    Map<String, AgentSettings> agents();

    /** Words a customer writes to end the conversation with the agent (compared whole, case-insensitive). */
    @WithDefault("結束,结束,結束對話,结束对话,end chat,#end")
    List<String> customerCloseWords();

    /** Where the firm's time zone, service hours and out-of-hours texts come from. */
    Firm firm();

    /** Fixed texts to customers, per language tag ({@code zh-Hant}, {@code zh-Hans}, {@code en}). */
    Texts texts();

    /** The generic webhook connector to an external helpdesk (DESIGN §5). */
    Helpdesk helpdesk();

    /** Knowledge gaps: questions the bot could not answer, grouped by meaning. */
    Knowledge knowledge();

    /** Files customers sent: fetched from the ingresses, kept with a size limit and a retention. */
    Attachments attachments();

    interface Attachments {
        /** Larger files are not kept (state {@code too_large}); the ingress stops reading past this. */
        @WithDefault("10M")
        MemorySize maxBytes();

        /** How long after its ticket closed a file's bytes are kept; its metadata stays. */
        @WithDefault("P30D")
        Duration retention();

        /** ingress-line's internal endpoint ({@code GET /internal/attachments/{id}}). */
        @WithDefault("http://127.0.0.1:8081")
        String lineUrl();

        /** ingress-email's internal endpoint. */
        @WithDefault("http://127.0.0.1:8082")
        String emailUrl();

        /** The key handoff presents to the ingresses' attachment endpoint (scope {@code attachments-read}). */
        Optional<String> fetchKey();

        /** How often files still to fetch are looked for. */
        @WithDefault("1s")
        String fetchInterval();

        /** Files fetched per round. */
        @WithDefault("8")
        int fetchBatch();

        /** Attempts before a file that cannot be fetched is given up ({@code unavailable}). */
        @WithDefault("6")
        int maxAttempts();

        /** The pause after the first failed attempt, doubled after each further one. */
        @WithDefault("PT2S")
        Duration backoff();

        /** How long one fetch may take. */
        @WithDefault("PT30S")
        Duration timeout();

        /** How often files past their retention are purged. */
        @WithDefault("1h")
        String purgeInterval();
    }

    interface Knowledge {
        /**
         * A gap joins the group whose centroid is closest when their cosine similarity is at least this; else it
         * starts a group. With bge-small-zh, rewordings of one question score about 0.75 to 0.9, different questions
         * below 0.6.
         */
        @WithDefault("0.7")
        double similarityThreshold();

        /** How often new gaps are embedded and grouped; {@code off} never (the tests group when they need it). */
        @WithDefault("2s")
        String groupingInterval();

        /** Gaps embedded and grouped per run. */
        @WithDefault("50")
        int groupingBatch();

        /**
         * A customer's message this soon after their question before it, which the bot answered itself ({@code auto}),
         * that asks it again is a gap ({@code re_asked}).
         */
        @WithDefault("PT5M")
        Duration reAskWindow();

        /**
         * How alike the two questions must be: the Dice coefficient of their character pairs (Chinese) and words
         * (English). Measured on rewordings: 0.19 to 0.67; a thank-you or another question: 0.
         */
        @WithDefault("0.15")
        double reAskOverlap();

        /**
         * Who writes drafts: {@code local} (the agents' answers, the other Chinese script's converted, or a skeleton)
         * or {@code openai} (an OpenAI-compatible model, in the background; the local draft until it has written, and
         * whenever it fails).
         */
        @WithDefault("local")
        String draftEngine();

        /** How often the model writes the drafts waiting for it ({@code openai} only); {@code off}: never. */
        @WithDefault("30s")
        String draftingInterval();

        /** Drafts the model writes per run. */
        @WithDefault("10")
        int draftingBatch();

        OpenAi openai();
    }

    interface OpenAi {
        @WithDefault("https://api.openai.com/v1")
        String baseUrl();

        @WithDefault("gpt-4o-mini")
        String model();

        Optional<String> apiKey();

        /** One request's limit; a draft is not urgent, the model's answer may be long. */
        @WithDefault("PT60S")
        Duration timeout();
    }

    interface AgentSettings {
        /** Language tags served; {@code *} for all. */
        @WithDefault("*")
        List<String> languages();

        /** Intent labels served; {@code *} for all. */
        @WithDefault("*")
        List<String> intents();

        Optional<Integer> capacity();
    }

    interface Firm {
        /** {@code case-service}: the imported firm, falling back to the values below; {@code config}: only these. */
        @WithDefault("case-service")
        String source();

        /** How long the firm read from case-service is kept before it is read again. */
        @WithDefault("PT5M")
        Duration refreshInterval();

        @WithDefault("Asia/Taipei")
        String timezone();

        /** Weekly windows, e.g. {@code MON-FRI 09:00-12:00}; none at all (and no dated ones) means always open. */
        Optional<List<String>> weekly();

        /** Dated windows, e.g. {@code 2026-12-19 09:30-12:30} or {@code 2026-12-25 closed}. */
        Optional<List<String>> dated();

        /** Out-of-hours texts per language tag. */
        Map<String, String> outOfHoursText();
    }

    interface Texts {
        Map<String, String> waiting();

        Map<String, String> ratingQuestion();

        Map<String, String> ratingThanks();

        /** What {salutation} of a canned response becomes when the customer's salutation is unknown. */
        Map<String, String> neutralSalutation();
    }

    interface Helpdesk {
        @WithDefault("false")
        boolean enabled();

        /** The helpdesk's webhook base, e.g. {@code https://helpdesk.example.com/casedesk}. */
        Optional<String> baseUrl();

        /** Basic auth towards the helpdesk, when set. */
        Optional<String> username();

        Optional<String> password();

        @WithDefault("4")
        int maxAttempts();

        @WithDefault("PT0.5S")
        Duration backoff();

        @WithDefault("PT5S")
        Duration timeout();

        /** The key the helpdesk presents ({@code Authorization: Bearer <key>}) when it posts agent messages. */
        Optional<String> inboundKey();
    }
}
