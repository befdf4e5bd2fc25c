package io.casedesk.handoff.support;

import io.casedesk.handoff.service.KnowledgeGrouping;
import io.casedesk.schema.Emotion;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.Intent;
import io.casedesk.schema.Topics;
import io.casedesk.schema.Urgency;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Knowledge-gap tests: questions handed off because the bot had no article, in Traditional Chinese and English, some
 * rewordings of one question, and tickets with the bot's answer in their history; no gap, group or draft left from
 * another test.
 */
public abstract class KnowledgeTestBase extends BotHistoryTestBase {

    public static final String CUSTODY_1 = "請問離婚後小孩的監護權怎麼決定？我的電話 0912-345-678";
    public static final String CUSTODY_1_REDACTED = "請問離婚後小孩的監護權怎麼決定？我的電話 [phone]";
    public static final String CUSTODY_2 = "離婚的話孩子的監護權會判給誰？";
    public static final String CUSTODY_EN_1 = "How is child custody decided after a divorce?";
    public static final String CUSTODY_EN_2 = "Who gets custody of the children after divorce? Mail me at lin@example.com";
    public static final String CUSTODY_EN_2_REDACTED = "Who gets custody of the children after divorce? Mail me at [email]";
    public static final String PARKING = "我想知道停車位可以申請退費嗎？";

    protected static final String GROUPS = "/api/v1/inbox/knowledge/groups";

    /** Not scheduled in tests (grouping-interval off): run here, when a test waits for its gaps' groups. */
    @Inject
    protected KnowledgeGrouping grouping;

    @BeforeEach
    void noGaps() {
        sql("truncate knowledge_drafts, knowledge_gaps, knowledge_groups restart identity cascade");
        HandoffCaseServiceStandIn.articles.clear();
        HandoffCaseServiceStandIn.articleRefusal = null;
    }

    /** A new LINE customer's question handed off for {@code reason}, in {@code language}. */
    protected Envelope<HandoffRequest> gap(String text, String language, String reason) {
        Envelope<HandoffRequest> request = TestEvents.handoff(TestEvents.lineInbound(TestEvents.newLineUser("U"), text,
                clock.instant()), reason, Intent.GENERAL_INFO, Emotion.NEUTRAL, Urgency.LOW, language, null);
        broker.publish(Topics.HANDOFF, request);
        return request;
    }

    /** Groups the gaps recorded so far until {@code gaps} of them are in groups (the others may still be on the way). */
    protected void awaitGrouped(int gaps) {
        await().atMost(Broker.TIMEOUT).until(() -> {
            grouping.groupNewGaps();
            return count("select count(*) from knowledge_gaps where group_id is not null") == gaps;
        });
    }

    /** The group holding {@code question}, as a supervisor opens it in the Knowledge tab. */
    protected JsonPath groupOf(String question) {
        long id = Long.parseLong(rows("select group_id from knowledge_gaps where question = '" + question + "'").get(0));
        return InboxSession.signIn("supervisor").request().get(GROUPS + "/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    /** The id of the group of one new gap, {@code question} handed off for {@code no_article}. */
    protected long groupOfNewGap(String question, String language) {
        gap(question, language, "no_article");
        awaitGrouped(1);
        return groupOf(question).getLong("group.id");
    }

    /** The first column of each row of {@code query}. */
    protected List<String> rows(String query) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement();
             var result = st.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
