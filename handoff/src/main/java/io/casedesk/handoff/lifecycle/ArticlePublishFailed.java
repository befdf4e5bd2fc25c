package io.casedesk.handoff.lifecycle;

/** case-service refused a drafted article, or could not be reached: nothing was marked published. */
public class ArticlePublishFailed extends RuntimeException {

    private final int caseServiceStatus;

    /** @param caseServiceStatus case-service's HTTP status, 0 when it did not answer */
    public ArticlePublishFailed(int caseServiceStatus, String message) {
        super(message);
        this.caseServiceStatus = caseServiceStatus;
    }

    public int caseServiceStatus() {
        return caseServiceStatus;
    }
}
