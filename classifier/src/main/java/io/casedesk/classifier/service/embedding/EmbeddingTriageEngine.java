package io.casedesk.classifier.service.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.casedesk.classifier.service.TriageEngine;
import io.casedesk.classifier.service.rules.LocalRulesTriageEngine;
import io.casedesk.classifier.service.rules.Calibration;
import io.casedesk.classifier.service.rules.MessageMasker;
import io.casedesk.classifier.service.rules.ModelReading;
import io.casedesk.schema.Urgency;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.TextEmbedding;
import io.casedesk.schema.Intent;
import io.casedesk.schema.Triage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The local engine: a multilingual sentence embedding (in-process, no network) and the whole text's n-grams, read by
 * logistic regressions learnt from labelled examples for intent and emotion, combined with the rules of {@link LocalRulesTriageEngine} for what words say plainly (a request
 * for a person, anger, a deadline, an arrest) and for language, urgency and needs-human.
 */
public final class EmbeddingTriageEngine implements TriageEngine {

    public static final String NAME = "local";

    /** Only the opening of a long message is embedded: it carries the topic, and the cost grows with the length. */
    static final int MAX_EMBEDDED_CHARS = 128;

    /**
     * How much the whole text's n-grams ({@link TextFeatures}) count next to the embedding (unit length) in the intent
     * and emotion models; chosen by cross-validation on the training examples.
     */
    public static final double NGRAM_WEIGHT = 1.5;

    private static final float[] NO_VECTOR = new float[0];
    private static final double SENTENCE_NGRAM_WEIGHT = 1.0;
    /** Where a sentence ends: a line break, or a full stop, question or exclamation mark, or semicolon. */
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[\\n。！？!?；;]+|\\.\\s+");
    private static final int MIN_SENTENCE_CHARS = 6;

    private final EmbeddingModel embeddingModel;
    /** The embedding model's name as {@link TextEmbedding} gives it, or {@code null}: its vectors are not passed on. */
    private final String sharedModelName;
    private final LocalRulesTriageEngine rules;
    private final double ngramWeight;
    private final Calibration calibration;
    private final SoftmaxClassifier<Intent> intentClassifier;
    private final SoftmaxClassifier<Emotion> emotionClassifier;
    private final SoftmaxClassifier<Urgency> urgencyClassifier;
    private final SoftmaxClassifier<Boolean> needsHumanClassifier;
    /** Intent from the n-grams alone, for reading each sentence of a message on its own at a few microseconds each. */
    private final SoftmaxClassifier<Intent> sentenceIntentClassifier;

    public EmbeddingTriageEngine(EmbeddingModel embeddingModel, List<TrainingExample> examples, LocalRulesTriageEngine rules) {
        this(embeddingModel, examples, rules, NGRAM_WEIGHT, Calibration.FITTED);
    }

    /**
     * @param ngramWeight see {@link #NGRAM_WEIGHT}; other values are for cross-validating it
     * @param calibration temperatures and thresholds; {@link Calibration#UNCALIBRATED} for fitting them
     */
    public EmbeddingTriageEngine(EmbeddingModel embeddingModel, List<TrainingExample> examples, LocalRulesTriageEngine rules,
                                 double ngramWeight, Calibration calibration) {
        this(embeddingModel, null, examples, rules, ngramWeight, calibration);
    }

    private EmbeddingTriageEngine(EmbeddingModel embeddingModel, String sharedModelName, List<TrainingExample> examples,
                                  LocalRulesTriageEngine rules, double ngramWeight, Calibration calibration) {
        this.embeddingModel = embeddingModel;
        this.sharedModelName = sharedModelName;
        this.rules = rules;
        this.ngramWeight = ngramWeight;
        this.calibration = calibration;
        List<String> masked = examples.stream().map(example -> MessageMasker.mask(example.text())).toList();
        List<float[]> vectors = embed(masked);
        Map<Intent, List<SoftmaxClassifier.Input>> byIntent = new LinkedHashMap<>();
        Map<Emotion, List<SoftmaxClassifier.Input>> byEmotion = new LinkedHashMap<>();
        Map<Urgency, List<SoftmaxClassifier.Input>> byUrgency = new LinkedHashMap<>();
        Map<Boolean, List<SoftmaxClassifier.Input>> byNeedsHuman = new LinkedHashMap<>();
        Map<Intent, List<SoftmaxClassifier.Input>> byIntentNgramsOnly = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            TrainingExample example = examples.get(i);
            SoftmaxClassifier.Input input = new SoftmaxClassifier.Input(vectors.get(i), TextFeatures.of(masked.get(i), ngramWeight));
            byIntent.computeIfAbsent(example.intent(), label -> new ArrayList<>()).add(input);
            byIntentNgramsOnly.computeIfAbsent(example.intent(), label -> new ArrayList<>())
                    .add(new SoftmaxClassifier.Input(NO_VECTOR, TextFeatures.of(masked.get(i), SENTENCE_NGRAM_WEIGHT)));
            byEmotion.computeIfAbsent(example.emotion(), label -> new ArrayList<>()).add(input);
            // The first examples carry intent and emotion only.
            if (example.urgency() != null) {
                byUrgency.computeIfAbsent(example.urgency(), label -> new ArrayList<>()).add(input);
            }
            if (example.needsHuman() != null) {
                byNeedsHuman.computeIfAbsent(example.needsHuman(), label -> new ArrayList<>()).add(input);
            }
        }
        int sparseDimension = ngramWeight == 0 ? 0 : TextFeatures.BUCKETS;
        // The intent model (ten labels) learns on a second core while this thread trains the other three (nine labels).
        ForkJoinTask<SoftmaxClassifier<Intent>> intent = ForkJoinPool.commonPool().submit(() -> new SoftmaxClassifier<>(byIntent, sparseDimension));
        this.emotionClassifier = new SoftmaxClassifier<>(byEmotion, sparseDimension);
        this.urgencyClassifier = new SoftmaxClassifier<>(byUrgency, sparseDimension);
        this.needsHumanClassifier = new SoftmaxClassifier<>(byNeedsHuman, sparseDimension);
        this.sentenceIntentClassifier = new SoftmaxClassifier<>(byIntentNgramsOnly, TextFeatures.BUCKETS);
        this.intentClassifier = intent.join();
    }

    /**
     * The engine with the bundled BGE small zh v1.5 model (quantized, loaded once, one text per core at a time) and the
     * module's training examples.
     */
    public static EmbeddingTriageEngine withBundledModel(LocalRulesTriageEngine rules) {
        return new EmbeddingTriageEngine(new ParallelBgeSmallZhModel(), TextEmbedding.BGE_SMALL_ZH_V15_Q,
                TrainingExample.loadDefault(), rules, NGRAM_WEIGHT, Calibration.FITTED);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Triage triage(InboundMessage message) {
        return read(message).triage();
    }

    /** The triage, and the embedding of the masked text it was read by when this engine's model is a known one. */
    @Override
    public Reading read(InboundMessage message) {
        String text = LocalRulesTriageEngine.readableText(message);
        if (text.isBlank()) {
            return new Reading(rules.triage(message, null, calibration, NAME), null);
        }
        String masked = MessageMasker.mask(text);
        float[] vector = embed(List.of(masked)).get(0);
        Triage triage = rules.triage(message, read(vector, masked).calibrated(calibration), calibration, NAME);
        return new Reading(triage,
                sharedModelName == null ? null : TextEmbedding.of(sharedModelName, embeddedPart(masked), vector));
    }

    /** Embeds the texts of all messages in one batch, which the model spreads over the cores. */
    @Override
    public List<Triage> triageAll(List<InboundMessage> messages) {
        List<ModelReading> readings = readAll(messages);
        List<Triage> triages = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            triages.add(rules.triage(messages.get(i), readings.get(i), calibration, NAME));
        }
        return triages;
    }

    /** The calibrated readings of the models, {@code null} for a message without text. */
    public List<ModelReading> readAll(List<InboundMessage> messages) {
        List<Integer> withText = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            String text = LocalRulesTriageEngine.readableText(messages.get(i));
            if (!text.isBlank()) {
                withText.add(i);
                texts.add(MessageMasker.mask(text));
            }
        }
        List<float[]> vectors = embed(texts);
        List<ModelReading> readings = new ArrayList<>(java.util.Collections.nCopies(messages.size(), (ModelReading) null));
        for (int j = 0; j < withText.size(); j++) {
            readings.set(withText.get(j), read(vectors.get(j), texts.get(j)).calibrated(calibration));
        }
        return readings;
    }

    private ModelReading read(float[] vector, String maskedText) {
        SoftmaxClassifier.Input input = new SoftmaxClassifier.Input(vector, TextFeatures.of(maskedText, ngramWeight));
        return new ModelReading(intentClassifier.classify(input).probabilities(),
                emotionClassifier.classify(input).probabilities(),
                urgencyClassifier.classify(input).probabilities(),
                needsHumanClassifier.classify(input).probabilities().getOrDefault(true, 0.0),
                sentenceIntents(maskedText));
    }

    /** For a message of two sentences or more: each sentence's most likely intent, with its highest probability. */
    private Map<Intent, Double> sentenceIntents(String maskedText) {
        List<String> sentences = SENTENCE_END.splitAsStream(maskedText).map(String::strip)
                .filter(sentence -> sentence.codePointCount(0, sentence.length()) >= MIN_SENTENCE_CHARS).toList();
        if (sentences.size() < 2) {
            return Map.of();
        }
        Map<Intent, Double> intents = new java.util.EnumMap<>(Intent.class);
        for (String sentence : sentences) {
            Prediction<Intent> prediction = sentenceIntentClassifier.classify(
                    new SoftmaxClassifier.Input(NO_VECTOR, TextFeatures.of(sentence, SENTENCE_NGRAM_WEIGHT)));
            intents.merge(prediction.label(), prediction.confidence(), Math::max);
        }
        return intents;
    }

    private List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream()
                .map(text -> TextSegment.from(embeddedPart(text)))
                .toList();
        List<Embedding> embeddings = embeddingModel.embedAll(segments).content();
        return embeddings.stream().map(EmbeddingTriageEngine::normalised).toList();
    }

    private static String embeddedPart(String text) {
        return text.length() > MAX_EMBEDDED_CHARS ? text.substring(0, MAX_EMBEDDED_CHARS) : text;
    }

    private static float[] normalised(Embedding embedding) {
        float[] vector = embedding.vector();
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] result = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            result[i] = vector[i] * scale;
        }
        return result;
    }
}
