package io.casedesk.schema;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The kinds of entry in the conversation audit log. */
public enum TurnKind {
    @JsonProperty("inbound") INBOUND,
    @JsonProperty("answer") ANSWER,
    @JsonProperty("draft") DRAFT,
    @JsonProperty("handoff") HANDOFF,
    @JsonProperty("agent_reply") AGENT_REPLY,
    @JsonProperty("delivery") DELIVERY,
    @JsonProperty("state") STATE,
    @JsonEnumDefaultValue @JsonProperty("other") OTHER
}
