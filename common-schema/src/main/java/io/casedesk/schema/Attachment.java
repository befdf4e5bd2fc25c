package io.casedesk.schema;

/**
 * Metadata of a file the customer sent. The bytes stay with the channel (LINE content API, the
 * mailbox) and are fetched only when a person asks for them; they never travel through Kafka.
 *
 * @param id        the channel's id of the content (LINE message id, MIME part path)
 * @param mediaType e.g. {@code image/jpeg}, {@code application/pdf}; may be {@code null} when the channel does not say
 * @param sizeBytes size in bytes, {@code null} when unknown
 */
public record Attachment(String id, String kind, String name, String mediaType, Long sizeBytes) {
}
