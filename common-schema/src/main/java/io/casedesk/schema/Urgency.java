package io.casedesk.schema;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Urgency labels of DESIGN §3. */
public enum Urgency {
    @JsonProperty("high") HIGH,
    @JsonProperty("medium") MEDIUM,
    @JsonEnumDefaultValue @JsonProperty("low") LOW
}
