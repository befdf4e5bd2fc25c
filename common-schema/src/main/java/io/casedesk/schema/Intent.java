package io.casedesk.schema;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Intent labels of DESIGN §3; the JSON names are the labels of the evaluation sets. */
public enum Intent {
    @JsonProperty("case_status") CASE_STATUS,
    @JsonProperty("appointment") APPOINTMENT,
    @JsonProperty("billing") BILLING,
    @JsonProperty("documents") DOCUMENTS,
    @JsonProperty("account") ACCOUNT,
    @JsonProperty("general_info") GENERAL_INFO,
    @JsonProperty("complaint") COMPLAINT,
    @JsonProperty("human_request") HUMAN_REQUEST,
    @JsonProperty("greeting") GREETING,
    @JsonEnumDefaultValue @JsonProperty("other") OTHER
}
