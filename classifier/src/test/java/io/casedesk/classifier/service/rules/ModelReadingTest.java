package io.casedesk.classifier.service.rules;

import io.casedesk.schema.Emotion;
import io.casedesk.schema.Intent;
import io.casedesk.schema.Urgency;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ModelReadingTest {

    private final ModelReading reading = new ModelReading(
            Map.of(Intent.BILLING, 0.7, Intent.COMPLAINT, 0.2, Intent.OTHER, 0.1),
            Map.of(Emotion.NEUTRAL, 0.6, Emotion.ANGRY, 0.3, Emotion.ANXIOUS, 0.05, Emotion.POSITIVE, 0.05),
            Map.of(Urgency.LOW, 0.5, Urgency.MEDIUM, 0.3, Urgency.HIGH, 0.2), 0.8);

    @Test
    void aTemperatureAboveOneFlattensAndBelowOneSharpensWithoutChangingTheOrder() {
        ModelReading flat = reading.calibrated(Calibration.UNCALIBRATED.withTemperatures(2, 2, 2, 2));
        ModelReading sharp = reading.calibrated(Calibration.UNCALIBRATED.withTemperatures(0.5, 0.5, 0.5, 0.5));

        assertThat(flat.probability(Intent.BILLING)).isLessThan(0.7).isGreaterThan(flat.probability(Intent.COMPLAINT));
        assertThat(sharp.probability(Intent.BILLING)).isGreaterThan(0.7);
        assertThat(flat.emotion()).isEqualTo(Emotion.NEUTRAL);
        assertThat(flat.needsHumanProbability()).isLessThan(0.8).isGreaterThan(0.5);
        assertThat(sharp.needsHumanProbability()).isGreaterThan(0.8);
        assertThat(flat.intentProbabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
        assertThat(flat.urgencyProbabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
    }

    @Test
    void temperatureOneKeepsTheModelsProbabilities() {
        ModelReading same = reading.calibrated(Calibration.UNCALIBRATED);

        assertThat(same.probability(Intent.BILLING)).isCloseTo(0.7, within(1e-9));
        assertThat(same.probability(Urgency.HIGH)).isCloseTo(0.2, within(1e-9));
        assertThat(same.needsHumanProbability()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void theFittedCalibrationIsUsable() {
        Calibration fitted = Calibration.FITTED;

        assertThat(fitted.intentTemperature()).isPositive();
        assertThat(fitted.emotionTemperature()).isPositive();
        assertThat(fitted.urgencyTemperature()).isPositive();
        assertThat(fitted.needsHumanTemperature()).isPositive();
        assertThat(fitted.needsHumanThreshold()).isBetween(0.0, 1.0);
        assertThat(fitted.suspicionThreshold()).isBetween(0.0, 1.0);
        assertThat(fitted.alsoAsksThreshold()).isBetween(0.0, 1.0);
    }
}
