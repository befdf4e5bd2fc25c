package io.casedesk.schema;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Emotion labels of DESIGN §3. */
public enum Emotion {
    @JsonEnumDefaultValue @JsonProperty("neutral") NEUTRAL,
    @JsonProperty("anxious") ANXIOUS,
    @JsonProperty("angry") ANGRY,
    @JsonProperty("positive") POSITIVE
}
