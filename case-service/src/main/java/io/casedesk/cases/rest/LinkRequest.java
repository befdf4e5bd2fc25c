package io.casedesk.cases.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Proof that an identity belongs to the customer of {@code caseNumber}: exactly one of secret and code. */
public record LinkRequest(
        @Schema(examples = "2026-FAM-0142", required = true) String caseNumber,
        @Schema(description = "The customer's verification secret") String secret,
        @Schema(description = "The one-time code sent to the customer's registered email address") String code) {
}
