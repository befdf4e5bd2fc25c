package io.casedesk.schema;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A channel customers write on. */
public enum Channel {
    @JsonProperty("line") LINE,
    @JsonProperty("email") EMAIL,
    /** A channel added by a newer producer. */
    @JsonEnumDefaultValue @JsonProperty("unknown") UNKNOWN
}
