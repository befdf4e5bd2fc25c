package io.casedesk.classifier.service.rules;

import io.casedesk.classifier.service.TriageEngine;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.InboundMessage;
import io.casedesk.schema.Intent;
import io.casedesk.schema.MessageKind;
import io.casedesk.schema.Triage;
import io.casedesk.schema.Urgency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A first triage without any model or network: script counting for the language, and lexicon rules in
 * Traditional Chinese, Simplified Chinese and English for intent, emotion, urgency and needs-human. It favours
 * recall of needs-human: a message a person should see is worth more than one they did not need to.
 */
public final class LocalRulesTriageEngine implements TriageEngine {

    public static final String NAME = "local-rules";

    private static final int GREETING_MAX_LENGTH = 20;
    /** How much the rules' topic counts next to a model's probabilities (see {@link #intent(String, ModelReading)}). */
    private static final double RULES_VOTE_WEIGHT = 1.0;
    private static final Pattern LATIN_WORD = Pattern.compile("[a-z]+");

    private final LanguageDetector languageDetector;

    /** @param defaultChineseScript {@code zh-Hant} or {@code zh-Hans}, for Chinese text that fits both scripts */
    public LocalRulesTriageEngine(String defaultChineseScript) {
        this.languageDetector = new LanguageDetector(defaultChineseScript);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Triage triage(InboundMessage message) {
        return triage(message, null, NAME);
    }

    /**
     * The rules' triage with the intent and emotion read by a model, for an engine that combines both: an explicit
     * request for a person and emotion cues still win, and urgency and needs-human follow from the combined labels.
     *
     * @param reading    the model's reading of {@link #readableText}, or {@code null} for the rules alone
     * @param engineName written into {@link Triage#engine()}
     */
    public Triage triage(InboundMessage message, ModelReading reading, String engineName) {
        String text = readableText(message);
        if (text.isBlank()) {
            return triageWithoutText(message, engineName);
        }
        String prepared = Cue.prepare(text);
        LanguageDetector.Guess language = languageDetector.detect(text, message.languageHint());
        Label<Intent> intent = reading == null ? intent(prepared) : intent(prepared, reading);
        Label<Emotion> emotion = reading == null ? emotion(prepared, intent.value()) : emotion(prepared, intent.value(), reading);
        Label<Urgency> urgency = urgency(prepared, emotion.value());
        Label<Boolean> needsHuman = needsHuman(prepared, intent.value(), emotion.value(), urgency.value(), reading);

        List<String> reasons = new ArrayList<>();
        reasons.add("language:" + language.reason());
        reasons.addAll(intent.reasons());
        reasons.addAll(emotion.reasons());
        reasons.addAll(urgency.reasons());
        reasons.addAll(needsHuman.reasons());
        return new Triage(intent.value(), emotion.value(), urgency.value(), needsHuman.value(), language.language(),
                Map.of("intent", intent.confidence(), "emotion", emotion.confidence(),
                        "urgency", urgency.confidence(), "needs_human", needsHuman.confidence(),
                        "language", language.confidence()),
                engineName, reasons);
    }

    /** The text to read: for email the subject too, since it often says the most. */
    public static String readableText(InboundMessage message) {
        String text = message.text() == null ? "" : message.text();
        String subject = message.email() == null ? null : message.email().subject();
        return subject == null || subject.isBlank() || text.startsWith(subject) ? text : subject + "\n\n" + text;
    }

    /** The text as the cues read it: NFKC, lower case, single spaces, Chinese folded onto Simplified characters. */
    public static String prepare(String text) {
        return Cue.prepare(text);
    }

    /** A follow or join is a greeting, a file or picture is most likely a document; the rest is other. */
    private Triage triageWithoutText(InboundMessage message, String engineName) {
        MessageKind kind = message.kind() == null ? MessageKind.OTHER : message.kind();
        Intent intent = switch (kind) {
            case FOLLOW, JOIN, MEMBER_JOINED -> Intent.GREETING;
            case IMAGE, VIDEO, AUDIO, FILE -> Intent.DOCUMENTS;
            default -> Intent.OTHER;
        };
        String hinted = LanguageDetector.fromHint(message.languageHint());
        String language = hinted == null ? LanguageDetector.UNDETERMINED : hinted;
        return new Triage(intent, Emotion.NEUTRAL, Urgency.LOW, false, language,
                Map.of("intent", intent == Intent.GREETING ? 0.9 : 0.4, "emotion", 0.5, "urgency", 0.5,
                        "needs_human", 0.5, "language", hinted == null ? 0.0 : 0.6),
                engineName, List.of("intent:no_text:" + kind.name().toLowerCase(Locale.ROOT)));
    }

    private static Label<Intent> intent(String text) {
        if (TriageLexicon.HUMAN_REQUEST.foundIn(text)) {
            return new Label<>(Intent.HUMAN_REQUEST, 0.9, List.of("intent:explicit_request"));
        }
        // Stable sort: equal scores keep the tie-breaking order of TriageLexicon.TOPICS.
        List<Scored> ranked = TriageLexicon.TOPICS.stream()
                .map(topic -> new Scored(topic.intent(), topic.score(text)))
                .sorted(Comparator.comparingInt(Scored::score).reversed())
                .toList();
        Scored best = ranked.get(0);
        int runnerUp = ranked.get(1).score();
        // A greeting is a short message that says little else; a lone weak cue ("律師", "case") next to it
        // is still a greeting: "謝謝律師". A long message without a topic cue is something we do not know.
        boolean greeting = TriageLexicon.GREETING.foundIn(text) && length(text) <= GREETING_MAX_LENGTH;
        // A longer note of thanks that asks nothing and names no topic plainly ("案子結束了，謝謝律師這段時間的協助")
        // is a greeting too, whatever weak cues it holds.
        boolean thanksNote = TriageLexicon.THANKS.foundIn(text) && !text.contains("?") && !TriageLexicon.ANGRY.foundIn(text)
                && TriageLexicon.TOPICS.stream().noneMatch(topic -> topic.strong().foundIn(text));
        if (thanksNote) {
            return new Label<>(Intent.GREETING, 0.7, List.of("intent:thanks_note"));
        }
        if (best.score() == 0 || best.score() == 1 && greeting) {
            return greeting ? new Label<>(Intent.GREETING, 0.8, List.of("intent:greeting_only"))
                    : new Label<>(Intent.OTHER, 0.3, List.of("intent:no_cue"));
        }
        double confidence = clamp(0.45 + 0.1 * best.score() - 0.1 * runnerUp, 0.35, 0.95);
        return new Label<>(best.intent(), confidence, List.of("intent:cues:" + best.score() + ":" + runnerUp));
    }

    /**
     * An explicit request for a person wins, as in the rules. Otherwise the rules' topic, when they found one, is a vote
     * worth its confidence added to the model's probabilities: a plain cue ("發票", "invoice") corrects a model that is
     * unsure, a confident model overrules a single weak cue.
     */
    private static Label<Intent> intent(String text, ModelReading reading) {
        Label<Intent> byCues = intent(text);
        if (byCues.value() == Intent.HUMAN_REQUEST) {
            return byCues;
        }
        Map<Intent, Double> votes = new EnumMap<>(reading.intentProbabilities());
        boolean cuesFound = !byCues.reasons().contains("intent:no_cue");
        if (cuesFound) {
            votes.merge(byCues.value(), RULES_VOTE_WEIGHT * byCues.confidence(), Double::sum);
        }
        double total = votes.values().stream().mapToDouble(Double::doubleValue).sum();
        Map.Entry<Intent, Double> best = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        String reason = cuesFound && best.getKey() == byCues.value() ? "intent:model_and_cues" : "intent:model";
        return new Label<>(best.getKey(), clamp(best.getValue() / total, 0, 1), List.of(reason));
    }

    /**
     * Anger and anxiety said in words are the clearest sign, so the cues win; otherwise a confident model reading of
     * a non-neutral emotion, then the rules' positive cues.
     */
    private static Label<Emotion> emotion(String text, Intent intent, ModelReading reading) {
        Label<Emotion> byCues = emotion(text, intent);
        if (byCues.value() == Emotion.ANGRY || byCues.value() == Emotion.ANXIOUS) {
            return byCues;
        }
        if (reading.emotion() != Emotion.NEUTRAL && reading.emotionConfidence() >= ModelReading.CONFIDENT) {
            return new Label<>(reading.emotion(), clamp(reading.emotionConfidence(), 0, 1), List.of("emotion:model"));
        }
        return byCues;
    }

    private static Label<Emotion> emotion(String text, Intent intent) {
        int angry = TriageLexicon.ANGRY.count(text);
        int anxious = TriageLexicon.ANXIOUS.count(text);
        if (angry > 0 && angry >= anxious) {
            return new Label<>(Emotion.ANGRY, clamp(0.55 + 0.1 * angry, 0, 0.9), List.of("emotion:angry_cues"));
        }
        if (anxious > 0) {
            return new Label<>(Emotion.ANXIOUS, clamp(0.55 + 0.1 * anxious, 0, 0.9), List.of("emotion:anxious_cues"));
        }
        int positive = TriageLexicon.POSITIVE.count(text);
        if (positive > 0) {
            return new Label<>(Emotion.POSITIVE, clamp(0.55 + 0.1 * positive, 0, 0.9), List.of("emotion:positive_cues"));
        }
        if (intent == Intent.GREETING && TriageLexicon.THANKS.foundIn(text)) {
            return new Label<>(Emotion.POSITIVE, 0.6, List.of("emotion:thanks"));
        }
        return new Label<>(Emotion.NEUTRAL, 0.6, List.of());
    }

    private static Label<Urgency> urgency(String text, Emotion emotion) {
        List<String> reasons = new ArrayList<>();
        for (CueList high : List.of(TriageLexicon.DEADLINE, TriageLexicon.IMMINENT_HARM, TriageLexicon.EXPLICITLY_URGENT)) {
            if (high.foundIn(text)) {
                reasons.add("urgency:" + high.name());
            }
        }
        if (emotion == Emotion.ANGRY && TriageLexicon.REPEATED_CONTACT.foundIn(text)) {
            reasons.add("urgency:repeated_contact_angry");
        }
        if (!reasons.isEmpty()) {
            return new Label<>(Urgency.HIGH, clamp(0.5 + 0.15 * reasons.size(), 0, 0.9), reasons);
        }
        if (TriageLexicon.SOON.foundIn(text)) {
            return new Label<>(Urgency.MEDIUM, 0.6, List.of("urgency:soon"));
        }
        return new Label<>(Urgency.LOW, 0.6, List.of());
    }

    /** DESIGN §3: who must see the message, whatever the intent. */
    private static Label<Boolean> needsHuman(String text, Intent intent, Emotion emotion, Urgency urgency, ModelReading reading) {
        List<String> reasons = new ArrayList<>();
        if (intent == Intent.HUMAN_REQUEST) {
            reasons.add("needs_human:explicit_request");
        }
        // DESIGN names the angry complaint; recall first, so every complaint and every angry writer is seen by a
        // person: the rules read anger from words alone and miss it when it is said politely.
        if (intent == Intent.COMPLAINT) {
            reasons.add(emotion == Emotion.ANGRY ? "needs_human:angry_complaint" : "needs_human:complaint");
        } else if (emotion == Emotion.ANGRY) {
            reasons.add("needs_human:angry");
        }
        // A model that suspects a complaint or anger, though another label won: recall first.
        if (reading != null && intent != Intent.COMPLAINT && reading.probability(Intent.COMPLAINT) >= ModelReading.SUSPECTED) {
            reasons.add("needs_human:suspected_complaint");
        }
        if (reading != null && emotion != Emotion.ANGRY && reading.probability(Emotion.ANGRY) >= ModelReading.SUSPECTED) {
            reasons.add("needs_human:suspected_anger");
        }
        if (urgency == Urgency.HIGH && (emotion == Emotion.ANXIOUS || emotion == Emotion.ANGRY)) {
            reasons.add("needs_human:urgent_and_distressed");
        } else if (urgency == Urgency.MEDIUM && emotion == Emotion.ANXIOUS) {
            // A worried writer who wants an answer within days: the deadline is often closer than the words say.
            reasons.add("needs_human:soon_and_anxious");
        } else if (urgency == Urgency.HIGH && emotion == Emotion.NEUTRAL) {
            // DESIGN asks for anxiety or anger as well, but a writer with a deadline tomorrow is rarely calm and
            // the emotion read from text misses a worry that is stated as a fact; recall first.
            reasons.add("needs_human:urgent");
        }
        // An arrest, a seizure or violence needs a lawyer even when the writer stays calm.
        if (TriageLexicon.IMMINENT_HARM.foundIn(text)) {
            reasons.add("needs_human:imminent_harm");
        }
        if (TriageLexicon.THREAT.foundIn(text)) {
            reasons.add("needs_human:threat");
        }
        if (TriageLexicon.JUDGEMENT.foundIn(text)) {
            reasons.add("needs_human:professional_judgement");
        }
        if (!reasons.isEmpty()) {
            return new Label<>(true, clamp(0.6 + 0.1 * reasons.size(), 0, 0.95), reasons);
        }
        // Close to the line: anxious, or urgent, but no rule fired.
        boolean borderline = emotion == Emotion.ANXIOUS || urgency == Urgency.HIGH;
        return new Label<>(false, borderline ? 0.55 : 0.7, List.of());
    }

    /** Chinese characters plus Latin words: a rough length that counts both scripts alike. */
    private static int length(String text) {
        long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        return (int) (han + LATIN_WORD.matcher(text).results().count());
    }

    private static double clamp(double value, double min, double max) {
        return Math.round(Math.max(min, Math.min(max, value)) * 100) / 100.0;
    }

    private record Label<T>(T value, double confidence, List<String> reasons) {
    }

    private record Scored(Intent intent, int score) {
    }
}
