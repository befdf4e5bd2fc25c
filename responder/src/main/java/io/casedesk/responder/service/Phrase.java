package io.casedesk.responder.service;

/** The fixed sentences of the local engine; their wording per language is in {@code phrases/<language>.properties}. */
public enum Phrase {
    CASE_HEADER("caseHeader"),
    CASES_HEADER("casesHeader"),
    FEES_HEADER("feesHeader"),
    CASE_NUMBER("caseNumber"),
    STATUS("status"),
    STAGE("stage"),
    NEXT_STEP("nextStep"),
    NEXT_STEP_PASSED("nextStepPassed"),
    CLOSED_CASE_HEADER("closedCaseHeader"),
    CLOSED_CASES_HEADER("closedCasesHeader"),
    CLOSED_ON("closedOn"),
    OUTCOME("outcome"),
    RECORD_UPDATE("recordUpdate"),
    CARD_DETAILS("cardDetails"),
    ASSIGNEE("assignee"),
    OUTSTANDING_FEE("outstandingFee"),
    NO_OUTSTANDING_FEE("noOutstandingFee"),
    NO_NEXT_STEP("noNextStep"),
    NO_OPEN_CASES("noOpenCases"),
    ASK_WHICH_CASE("askWhichCase"),
    CASE_NOT_FOUND("caseNotFound"),
    LINK_IDENTITY("linkIdentity"),
    LINK_SUCCEEDED("linkSucceeded"),
    LINK_FAILED("linkFailed"),
    LINK_LOCKED("linkLocked"),
    LINK_CODE_SENT("linkCodeSent"),
    LINK_HELD_BY_ANOTHER("linkHeldByAnother"),
    THIRD_PARTY("thirdParty"),
    GREETING_REPLY("greetingReply"),
    WELCOME("welcome"),
    NOT_UNDERSTOOD("notUnderstood"),
    NO_ARTICLE("noArticle"),
    ARTICLE_INTRO("articleIntro"),
    ARTICLE_INTRO_OTHER_LANGUAGE("articleIntroOtherLanguage"),
    HANDOFF_ACKNOWLEDGEMENT("handoffAcknowledgement"),
    ENGINE_FALLBACK("engineFallback"),
    OFFICE_OPEN("officeOpen"),
    OFFICE_CLOSED("officeClosed"),
    OFFICE_NEXT_OPEN("officeNextOpen"),
    WEEKDAYS("weekdays"),
    CLOSING("closing"),
    AUTOMATED("automated");

    final String key;

    Phrase(String key) {
        this.key = key;
    }
}
