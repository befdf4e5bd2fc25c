package io.casedesk.classifier.service.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.casedesk.classifier.service.TriageEngine;
import io.casedesk.classifier.service.rules.LocalRulesTriageEngine;
import io.casedesk.schema.privacy.PersonalDataRedactor;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Intent;
import io.casedesk.schema.Triage;
import io.casedesk.schema.Urgency;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Asks an OpenAI-compatible chat model for the labels as JSON of a fixed schema, with the label definitions of DESIGN §3
 * in the prompt and personal data redacted from the text. The language is still detected locally. When the model
 * times out, fails or answers out of schema, the local engine's triage is returned, its engine name saying so.
 */
public final class OpenAiTriageEngine implements TriageEngine {

    public static final String NAME = "openai";

    private static final Logger LOG = Logger.getLogger(OpenAiTriageEngine.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static final String INSTRUCTIONS = """
            You triage customer messages to a law firm in Taiwan, written in Traditional Chinese, Simplified Chinese or \
            English. Answer only with JSON of the given schema.
            intent, one of:
            - case_status: progress, status or next step of their own case, order or ticket
            - appointment: book, move, cancel or confirm a meeting or call, or attendance at a hearing
            - billing: fees, invoices, payment, refunds of their own matter
            - documents: send, submit or request documents, or which documents are needed
            - account: login, contact details, subscription settings, personal data
            - general_info: public questions: hours, address, services, general process and price ranges
            - complaint: dissatisfaction, demands
            - human_request: explicitly wants a person; wins over every other intent
            - greeting: hello, thanks, goodbye
            - other: spam, unrelated, unintelligible
            emotion: neutral, anxious, angry or positive.
            urgency: high (a deadline within about 48 hours; imminent legal, financial or safety harm; repeated \
            unanswered contacts with anger), medium (wants an answer within days), low.
            needs_human: true when the intent is human_request; or an angry complaint; or urgency high with anxious or \
            angry; or the message threatens legal action, the media or cancellation; or it asks for a professional \
            judgement a machine must not give ("should I sign this settlement?"). When unsure, true.
            Placeholders such as [phone] or [email] stand for removed personal data.""";

    private final ChatModel chatModel;
    private final String modelName;
    private final TriageEngine fallback;
    private final LocalRulesTriageEngine rules;

    public OpenAiTriageEngine(ChatModel chatModel, String modelName, TriageEngine fallback, LocalRulesTriageEngine rules) {
        this.chatModel = chatModel;
        this.modelName = modelName;
        this.fallback = fallback;
        this.rules = rules;
    }

    /** A model on the OpenAI chat-completions protocol; no retries, so a timeout falls back at once. */
    public static ChatModel chatModel(String baseUrl, String apiKey, String modelName, Duration timeout) {
        return OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName(modelName)
                .timeout(timeout)
                .maxRetries(0)
                .temperature(0.0)
                .strictJsonSchema(true)
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Triage triage(InboundMessage message) {
        String text = LocalRulesTriageEngine.readableText(message);
        if (text.isBlank()) {
            return fallback.triage(message);
        }
        try {
            Answer answer = ask(PersonalDataRedactor.redact(text));
            return toTriage(message, answer);
        } catch (RuntimeException e) {
            // The message text stays out of the log: only what went wrong.
            LOG.warnf("OpenAI triage failed (%s), answering with the %s engine", e.getClass().getSimpleName(), fallback.name());
            Triage local = fallback.triage(message);
            List<String> reasons = new ArrayList<>(local.reasons());
            reasons.add("engine:openai_fallback");
            return new Triage(local.intent(), local.emotion(), local.urgency(), local.needsHuman(), local.language(),
                    local.confidence(), local.engine() + ":openai-fallback", reasons);
        }
    }

    private Answer ask(String redactedText) {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(INSTRUCTIONS), UserMessage.from(redactedText))
                .responseFormat(RESPONSE_FORMAT)
                .build();
        String json = chatModel.chat(request).aiMessage().text();
        try {
            return JSON.readValue(json, Answer.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Answer is not the expected JSON", e);
        }
    }

    private Triage toTriage(InboundMessage message, Answer answer) {
        Triage local = rules.triage(message);
        Intent intent = Intent.valueOf(answer.intent().toUpperCase(Locale.ROOT));
        Emotion emotion = Emotion.valueOf(answer.emotion().toUpperCase(Locale.ROOT));
        Urgency urgency = Urgency.valueOf(answer.urgency().toUpperCase(Locale.ROOT));
        Map<String, Double> confidence = new HashMap<>(Map.of("intent", 0.8, "emotion", 0.7, "urgency", 0.7, "needs_human", 0.8));
        confidence.put("language", local.confidence().getOrDefault("language", 0.5));
        return new Triage(intent, emotion, urgency, answer.needsHuman() || intent == Intent.HUMAN_REQUEST,
                local.language(), confidence, NAME + ":" + modelName, List.of("intent:model", "language:local"));
    }

    private static final ResponseFormat RESPONSE_FORMAT = ResponseFormat.builder()
            .type(ResponseFormatType.JSON)
            .jsonSchema(JsonSchema.builder().name("triage").rootElement(JsonObjectSchema.builder()
                    .addEnumProperty("intent", names(Intent.values()))
                    .addEnumProperty("emotion", names(Emotion.values()))
                    .addEnumProperty("urgency", names(Urgency.values()))
                    .addBooleanProperty("needs_human")
                    .required("intent", "emotion", "urgency", "needs_human")
                    .additionalProperties(false)
                    .build()).build())
            .build();

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(value -> value.name().toLowerCase(Locale.ROOT)).toList();
    }

    /** The model's answer, as the schema asks for it. */
    record Answer(String intent, String emotion, String urgency, @JsonProperty("needs_human") boolean needsHuman) {
    }
}
