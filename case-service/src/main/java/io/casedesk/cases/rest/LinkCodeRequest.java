package io.casedesk.cases.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Asks for a one-time code for the customer of {@code caseNumber}. */
public record LinkCodeRequest(@Schema(examples = "2026-FAM-0142", required = true) String caseNumber) {
}
