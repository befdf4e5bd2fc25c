package io.casedesk.handoff.model;

/** Where a customer's file stands in handoff's store. */
public enum AttachmentState {
    /** Known from the message; its bytes are still to be fetched from the ingress. */
    PENDING,
    /** The bytes are here and can be downloaded. */
    STORED,
    /** Larger than {@code casedesk.handoff.attachments.max-bytes}: only its metadata is kept. */
    TOO_LARGE,
    /** The channel no longer has it (LINE keeps content for a limited time), or every fetch failed. */
    UNAVAILABLE,
    /** Its bytes were dropped after the retention; the metadata stays. */
    PURGED
}
