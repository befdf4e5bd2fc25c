package io.casedesk.cases.rest;

/**
 * The answer to a code request, the same whether or not a code was sent (unknown case numbers are not revealed).
 *
 * @param status           always {@code accepted}
 * @param validForSeconds  how long a sent code can be used
 */
public record LinkCodeRequestAnswer(String status, long validForSeconds) {
}
