package io.casedesk.schema;

/**
 * One entry of the conversation audit log, published to {@link Topics#CONVERSATION} by every service for
 * every turn it takes part in; {@code case-service} keeps it as the conversation history.
 *
 * @param identity    the customer's channel identity (LINE user id or email address)
 * @param customerRef the customer, when the identity is linked
 * @param actor       who acted: {@code customer}, {@code bot}, {@code agent:<name>}, {@code system}
 * @param text        the text of the turn (inbound or outgoing); {@code null} for deliveries and state changes
 * @param triage      for inbound turns, when known
 * @param detail      short machine-readable detail (handoff reason, delivery status)
 */
public record ConversationTurn(
        TurnKind kind,
        Channel channel,
        String identity,
        String customerRef,
        String actor,
        String text,
        Triage triage,
        String detail) implements EventPayload {
}
