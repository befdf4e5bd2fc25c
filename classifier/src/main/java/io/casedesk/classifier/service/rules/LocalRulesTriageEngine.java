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
import java.util.EnumSet;
import java.util.Set;
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
    /** How much the rules' urgency counts next to the urgency model's probabilities. */
    private static final double URGENCY_RULES_VOTE_WEIGHT = 0.5;
    /** How much the rules' emotion cue counts next to the emotion model's probabilities. */
    private static final double EMOTION_RULES_VOTE_WEIGHT = 0.5;
    /** The intents the responder can answer from a record or the knowledge base: the ones a second request may be. */
    private static final Set<Intent> ANSWERABLE = EnumSet.of(Intent.CASE_STATUS, Intent.APPOINTMENT, Intent.BILLING,
            Intent.DOCUMENTS, Intent.ACCOUNT, Intent.GENERAL_INFO);
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

    /** The rules combined with a model's reading, calibrated with {@link Calibration#FITTED}. */
    public Triage triage(InboundMessage message, ModelReading reading, String engineName) {
        return triage(message, reading, Calibration.FITTED, engineName);
    }

    /**
     * The rules' triage combined with what a model read, for an engine that has both: an explicit request for a person,
     * a threat, a request for a legal opinion and emotion cues still win; the model's calibrated probabilities decide the
     * rest, the rules' topic and urgency adding their votes, and uncertain messages go to a person (recall first).
     *
     * @param reading     the model's reading of {@link #readableText}, or {@code null} for the rules alone
     * @param calibration the thresholds of the routing (the reading is calibrated already)
     * @param engineName  written into {@link Triage#engine()}
     */
    public Triage triage(InboundMessage message, ModelReading reading, Calibration calibration, String engineName) {
        String text = readableText(message);
        if (text.isBlank()) {
            return triageWithoutText(message, engineName);
        }
        String prepared = Cue.prepare(text);
        LanguageDetector.Guess language = languageDetector.detect(text, message.languageHint());
        Votes<Intent> intent = reading == null ? new Votes<>(intent(prepared), null) : intent(prepared, reading);
        Label<Emotion> emotion = reading == null ? emotion(prepared, intent.label().value())
                : emotion(prepared, intent.label().value(), reading);
        Label<Urgency> urgency = reading == null ? urgency(prepared, emotion.value(), true)
                : urgency(prepared, emotion.value(), reading);
        Label<Boolean> needsHuman = needsHuman(prepared, intent.label().value(), emotion.value(), urgency.value(), reading,
                calibration);

        List<String> reasons = new ArrayList<>();
        reasons.add("language:" + language.reason());
        reasons.addAll(intent.label().reasons());
        reasons.addAll(emotion.reasons());
        reasons.addAll(urgency.reasons());
        reasons.addAll(needsHuman.reasons());
        Intent alsoAsks = alsoAsks(intent, calibration, reading, prepared);
        if (alsoAsks != null) {
            reasons.add("also_asks:" + alsoAsks.name().toLowerCase(Locale.ROOT));
        }
        return new Triage(intent.label().value(), emotion.value(), urgency.value(), needsHuman.value(), language.language(),
                Map.of("intent", intent.label().confidence(), "emotion", emotion.confidence(),
                        "urgency", urgency.confidence(), "needs_human", needsHuman.confidence(),
                        "language", language.confidence()),
                engineName, reasons, alsoAsks);
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
    private static Votes<Intent> intent(String text, ModelReading reading) {
        Label<Intent> byCues = intent(text);
        if (byCues.value() == Intent.HUMAN_REQUEST) {
            return new Votes<>(byCues, null);
        }
        Map<Intent, Double> votes = new EnumMap<>(reading.intentProbabilities());
        boolean cuesFound = !byCues.reasons().contains("intent:no_cue");
        if (cuesFound) {
            votes.merge(byCues.value(), RULES_VOTE_WEIGHT * byCues.confidence(), Double::sum);
        }
        double total = votes.values().stream().mapToDouble(Double::doubleValue).sum();
        votes.replaceAll((label, vote) -> vote / total);
        Map.Entry<Intent, Double> best = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        String reason = cuesFound && best.getKey() == byCues.value() ? "intent:model_and_cues" : "intent:model";
        return new Votes<>(new Label<>(best.getKey(), clamp(best.getValue(), 0, 1), List.of(reason)), votes);
    }

    /**
     * A second request of another intent: the runner-up of the combined intent vote, when it has at least the calibrated
     * share and both it and the winner are requests the responder can answer (a record update and a status question;
     * not a greeting, a complaint or a request for a person, which change who answers rather than what).
     */
    private static Intent alsoAsks(Votes<Intent> intent, Calibration calibration, ModelReading reading, String text) {
        if (intent.shares() == null || !ANSWERABLE.contains(intent.label().value())) {
            return null;
        }
        // Each sentence read on its own: a second request is a sentence whose own intent is another answerable one.
        return reading.segmentIntents().entrySet().stream()
                .filter(entry -> entry.getKey() != intent.label().value() && ANSWERABLE.contains(entry.getKey())
                        && entry.getValue() >= calibration.alsoAsksThreshold())
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /**
     * The emotion model's calibrated probabilities with the rules' cue (anger, anxiety, warmth said in words) as a vote
     * worth half its confidence: grouped cross-validation, emotion macro-F1 0.843 against 0.827 when the cues won outright.
     */
    private static Label<Emotion> emotion(String text, Intent intent, ModelReading reading) {
        Label<Emotion> byCues = emotion(text, intent);
        Map<Emotion, Double> votes = new EnumMap<>(reading.emotionProbabilities());
        if (!byCues.reasons().isEmpty()) {
            votes.merge(byCues.value(), EMOTION_RULES_VOTE_WEIGHT * byCues.confidence(), Double::sum);
        }
        double total = votes.values().stream().mapToDouble(Double::doubleValue).sum();
        Map.Entry<Emotion, Double> best = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return new Label<>(best.getKey(), clamp(best.getValue() / total, 0, 1),
                List.of(best.getKey() == byCues.value() && !byCues.reasons().isEmpty() ? "emotion:model_and_cues" : "emotion:model"));
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

    /** @param harmTopicIsHarm whether {@link TriageLexicon#HARM_TOPIC} reads as imminent harm (the rules alone) */
    private static Label<Urgency> urgency(String text, Emotion emotion, boolean harmTopicIsHarm) {
        List<String> reasons = new ArrayList<>();
        for (CueList high : List.of(TriageLexicon.DEADLINE, TriageLexicon.IMMINENT_HARM, TriageLexicon.EXPLICITLY_URGENT)) {
            if (high.foundIn(text)) {
                reasons.add("urgency:" + high.name());
            }
        }
        if (harmTopicIsHarm && !reasons.contains("urgency:imminent_harm") && TriageLexicon.HARM_TOPIC.foundIn(text)) {
            reasons.add("urgency:imminent_harm");
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

    /**
     * The model's calibrated urgency, with the rules' reading as a vote; a deadline within about two days or imminent harm
     * named in words is high whatever the model says (DESIGN §3 defines high by them).
     */
    private static Label<Urgency> urgency(String text, Emotion emotion, ModelReading reading) {
        Label<Urgency> byCues = urgency(text, emotion, false);
        Map<Urgency, Double> votes = new EnumMap<>(reading.urgencyProbabilities());
        boolean cuesFound = !byCues.reasons().isEmpty();
        if (cuesFound) {
            votes.merge(byCues.value(), URGENCY_RULES_VOTE_WEIGHT * byCues.confidence(), Double::sum);
        }
        double total = votes.values().stream().mapToDouble(Double::doubleValue).sum();
        Map.Entry<Urgency, Double> best = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        List<String> reasons = new ArrayList<>(best.getKey() == byCues.value() ? byCues.reasons() : List.of());
        reasons.add("urgency:model");
        return new Label<>(best.getKey(), clamp(best.getValue() / total, 0, 1), reasons);
    }

    /** DESIGN §3: who must see the message, whatever the intent. */
    private static Label<Boolean> needsHuman(String text, Intent intent, Emotion emotion, Urgency urgency, ModelReading reading,
                                             Calibration calibration) {
        List<String> reasons = new ArrayList<>();
        if (intent == Intent.HUMAN_REQUEST) {
            reasons.add("needs_human:explicit_request");
        }
        if (reading == null) {
            // The rules alone read anger from words only and miss it when it is said politely: every complaint and every
            // angry writer is seen by a person (recall first).
            if (intent == Intent.COMPLAINT) {
                reasons.add(emotion == Emotion.ANGRY ? "needs_human:angry_complaint" : "needs_human:complaint");
            } else if (emotion == Emotion.ANGRY) {
                reasons.add("needs_human:angry");
            }
        } else if (intent == Intent.COMPLAINT && emotion == Emotion.ANGRY) {
            reasons.add("needs_human:angry_complaint");
        }
        if (urgency == Urgency.HIGH && (emotion == Emotion.ANXIOUS || emotion == Emotion.ANGRY)) {
            reasons.add("needs_human:urgent_and_distressed");
        } else if (reading == null && urgency == Urgency.MEDIUM && emotion == Emotion.ANXIOUS) {
            // A worried writer who wants an answer within days: the deadline is often closer than the words say.
            reasons.add("needs_human:soon_and_anxious");
        } else if (reading == null && urgency == Urgency.HIGH && emotion == Emotion.NEUTRAL) {
            // The rules miss a worry stated as a fact; a writer with a deadline tomorrow is rarely calm.
            reasons.add("needs_human:urgent");
        }
        // An arrest, a seizure or violence needs a lawyer even when the writer stays calm.
        if (TriageLexicon.IMMINENT_HARM.foundIn(text)
                || TriageLexicon.HARM_TOPIC.foundIn(text) && harmTopicReadsAsHarm(text, reading, emotion, urgency)) {
            reasons.add("needs_human:imminent_harm");
        }
        // Words that may name the client's own matter (a lease's 解約, a defamation case's 負評) threaten the firm only
        // from someone who complains; the rules alone, which miss polite anger, take them as threats (recall first).
        boolean complains = intent == Intent.COMPLAINT || emotion == Emotion.ANGRY;
        // "If I later want to end the engagement, is the fee refunded?" asks the firm's terms; the rules alone, which miss
        // polite anger, still take it as a threat (recall first).
        boolean asksTermsOfEnding = !complains && reading != null && isQuestion(text)
                && TriageLexicon.OWN_HYPOTHETICAL.foundIn(text);
        if (TriageLexicon.THREAT.foundIn(text)
                || TriageLexicon.ENDING_ENGAGEMENT.foundIn(text) && !asksTermsOfEnding
                || complains && TriageLexicon.LEGAL_ACTION.foundIn(text)
                || (complains || reading == null) && TriageLexicon.THREAT_OR_MATTER.foundIn(text)) {
            reasons.add("needs_human:threat");
        }
        if (TriageLexicon.JUDGEMENT.foundIn(text)) {
            reasons.add("needs_human:professional_judgement");
        }
        if (reading != null) {
            reasons.addAll(modelRouting(reading, intent, emotion, urgency, text, calibration));
        }
        double probability = reading == null ? Double.NaN : reading.needsHumanProbability();
        if (!reasons.isEmpty()) {
            return new Label<>(true, Double.isNaN(probability) ? clamp(0.6 + 0.1 * reasons.size(), 0, 0.95)
                    : clamp(Math.max(probability, 0.6), 0, 1), reasons);
        }
        if (!Double.isNaN(probability)) {
            return new Label<>(false, clamp(1 - probability, 0, 1), List.of());
        }
        // Close to the line: anxious, or urgent, but no rule fired.
        boolean borderline = emotion == Emotion.ANXIOUS || urgency == Urgency.HIGH;
        return new Label<>(false, borderline ? 0.55 : 0.7, List.of());
    }

    /** Asks something: a question mark (full-width ones are ASCII in prepared text) or a Chinese question particle. */
    private static boolean isQuestion(String preparedText) {
        return preparedText.contains("?") || preparedText.contains("吗");
    }

    /**
     * Recall first: the needs-human model when it is fairly sure, and a suspicion of what DESIGN routes to a person (a
     * complaint, anger, high urgency with distress) although another label won, each from a calibrated threshold.
     */
    public static List<String> modelRouting(ModelReading reading, Intent intent, Emotion emotion, Urgency urgency,
                                            String preparedText, Calibration calibration) {
        List<String> reasons = new ArrayList<>();
        // A calm question for information needs a surer model before a person is called: at the general threshold
        // (chosen for recall) every third such question was taken from the bot that could answer it.
        boolean plainQuestion = PLAIN_QUESTIONS.contains(intent) && emotion == Emotion.NEUTRAL && urgency == Urgency.LOW
                && !TriageLexicon.WEIGHS_OPTIONS.foundIn(preparedText);
        double threshold = plainQuestion ? Math.max(calibration.needsHumanThreshold(), calibration.plainQuestionThreshold())
                : calibration.needsHumanThreshold();
        if (reading.needsHumanProbability() >= threshold) {
            reasons.add("needs_human:model");
        }
        double suspicion = calibration.suspicionThreshold();
        if (intent != Intent.COMPLAINT && reading.probability(Intent.COMPLAINT) >= suspicion
                && reading.probability(Emotion.ANGRY) >= suspicion / 2) {
            reasons.add("needs_human:suspected_complaint");
        }
        if (emotion != Emotion.ANGRY && reading.probability(Emotion.ANGRY) >= suspicion) {
            reasons.add("needs_human:suspected_anger");
        }
        double distressed = reading.probability(Emotion.ANXIOUS) + reading.probability(Emotion.ANGRY);
        if (reading.probability(Urgency.HIGH) * distressed >= suspicion / 2) {
            reasons.add("needs_human:suspected_urgent_distress");
        }
        return reasons;
    }

    /**
     * Whether a harm's procedure or institution named in the message ({@link TriageLexicon#HARM_TOPIC}) reads as imminent
     * harm: always for the rules alone; with a model, when the writer is distressed or the message is urgent.
     */
    private static boolean harmTopicReadsAsHarm(String text, ModelReading reading, Emotion emotion, Urgency urgency) {
        return reading == null || emotion == Emotion.ANXIOUS || emotion == Emotion.ANGRY || urgency == Urgency.HIGH
                || TriageLexicon.DEADLINE.foundIn(text) || TriageLexicon.EXPLICITLY_URGENT.foundIn(text);
    }

    /** Intents that ask for information the bot may hold. */
    private static final java.util.Set<Intent> PLAIN_QUESTIONS = java.util.EnumSet.of(Intent.CASE_STATUS, Intent.BILLING,
            Intent.DOCUMENTS, Intent.APPOINTMENT, Intent.GENERAL_INFO, Intent.GREETING);

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

    /** A label with every candidate's share of the vote ({@code null} for the rules alone). */
    private record Votes<T>(Label<T> label, Map<T, Double> shares) {
    }

    private record Scored(Intent intent, int score) {
    }
}
