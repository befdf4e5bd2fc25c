package io.casedesk.schema;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Who wrote an outgoing message, and on what authority. */
public enum AnswerKind {
    /** The responder answered on its own (policy {@code auto}). */
    @JsonProperty("auto") AUTO,
    /** An agent approved or edited the responder's draft. */
    @JsonProperty("approved_draft") APPROVED_DRAFT,
    /** An agent wrote it. */
    @JsonProperty("agent") AGENT,
    /** Fixed text of the system: fallback, out-of-hours, waiting notice, welcome. */
    @JsonEnumDefaultValue @JsonProperty("system") SYSTEM
}
