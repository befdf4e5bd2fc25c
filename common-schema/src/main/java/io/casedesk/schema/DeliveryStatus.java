package io.casedesk.schema;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Outcome of one channel write. */
public enum DeliveryStatus {
    @JsonProperty("sent") SENT,
    @JsonProperty("failed") FAILED,
    /** Not sent on purpose: a duplicate, an unsent inbound, a paused bot. */
    @JsonProperty("skipped") SKIPPED,
    @JsonEnumDefaultValue @JsonProperty("unknown") UNKNOWN
}
