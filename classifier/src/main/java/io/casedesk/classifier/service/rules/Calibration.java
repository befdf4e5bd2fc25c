package io.casedesk.classifier.service.rules;

/**
 * How the {@code local} engine turns its models' scores into decisions: a temperature per label family (temperature
 * scaling: probabilities {@code p^(1/T)}, renormalised) and the thresholds of its routing. All were fitted on the
 * out-of-fold predictions of cross-validation grouped by scenario on the training examples ({@code -Deval.cv=5} prints
 * the fit), never on an evaluation set.
 *
 * @param intentTemperature     temperature of the intent model
 * @param emotionTemperature    temperature of the emotion model
 * @param urgencyTemperature    temperature of the urgency model
 * @param needsHumanTemperature temperature of the needs-human model
 * @param needsHumanThreshold   from this calibrated probability on, the needs-human model alone sends a message to a person
 * @param suspicionThreshold    from this calibrated probability on, a suspected complaint, anger, or high urgency with
 *                              distress sends a message to a person although another label won
 * @param alsoAsksThreshold     from this share of the combined intent vote on, the runner-up intent is a second request
 * @param plainQuestionThreshold from this calibrated probability on, the needs-human model alone sends a plain question
 *                              to a person: one read as asking for information (case status, billing, documents, an
 *                              appointment, general information, a greeting), calmly and without urgency. Never below
 *                              {@code needsHumanThreshold}.
 */
public record Calibration(double intentTemperature, double emotionTemperature, double urgencyTemperature,
                          double needsHumanTemperature, double needsHumanThreshold, double suspicionThreshold,
                          double alsoAsksThreshold, double plainQuestionThreshold) {

    /** The fit of the grouped cross-validation (README, "Calibration"). */
    public static final Calibration FITTED = new Calibration(0.70, 0.95, 1.05, 0.95, 0.25, 0.20, 0.70, 0.30);

    /** The models' own probabilities, for fitting. */
    public static final Calibration UNCALIBRATED = new Calibration(1.0, 1.0, 1.0, 1.0, 0.15, 0.55, 0.60, 0.15);

    public Calibration withTemperatures(double intent, double emotion, double urgency, double needsHuman) {
        return new Calibration(intent, emotion, urgency, needsHuman, needsHumanThreshold, suspicionThreshold, alsoAsksThreshold,
                plainQuestionThreshold);
    }

    public Calibration withThresholds(double needsHuman, double suspicion, double alsoAsks) {
        return new Calibration(intentTemperature, emotionTemperature, urgencyTemperature, needsHumanTemperature,
                needsHuman, suspicion, alsoAsks, plainQuestionThreshold);
    }

    public Calibration withPlainQuestionThreshold(double plainQuestion) {
        return new Calibration(intentTemperature, emotionTemperature, urgencyTemperature, needsHumanTemperature,
                needsHumanThreshold, suspicionThreshold, alsoAsksThreshold, plainQuestion);
    }
}
