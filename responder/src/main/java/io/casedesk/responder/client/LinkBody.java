package io.casedesk.responder.client;

/** What links an identity: a case number with the customer's secret, or with a one-time code (one of the two). */
public record LinkBody(String caseNumber, String secret, String code) {

    public static LinkBody codeRequest(String caseNumber) {
        return new LinkBody(caseNumber, null, null);
    }
}
