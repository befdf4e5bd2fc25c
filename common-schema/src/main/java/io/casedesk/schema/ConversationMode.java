package io.casedesk.schema;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Who answers a conversation. */
public enum ConversationMode {
    @JsonEnumDefaultValue BOT,
    HUMAN
}
