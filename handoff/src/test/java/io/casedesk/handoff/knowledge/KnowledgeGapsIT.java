package io.casedesk.handoff.knowledge;

import io.casedesk.handoff.support.KnowledgeTestBase;
import io.casedesk.handoff.support.TestEvents;
import io.casedesk.schema.Envelope;
import io.casedesk.schema.HandoffRequest;
import io.casedesk.schema.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Knowledge gaps: handoffs for questions the bot could not answer are recorded, redacted, once, and grouped by meaning
 * with the real embedding model.
 */
@QuarkusTest
class KnowledgeGapsIT extends KnowledgeTestBase {

    @Inject
    MeterRegistry registry;

    @Test
    void questionsWithoutAnArticleAreRecordedRedactedOnceAndGroupedByMeaning() {
        double before = gapsCounted("no_article", "zh-Hant");
        Envelope<HandoffRequest> first = gap(CUSTODY_1, "zh-Hant", "no_article");
        gap(CUSTODY_2, "zh-Hant", "low_confidence");
        gap(CUSTODY_EN_1, "en", "no_article");
        gap(CUSTODY_EN_2, "en", "no_article");
        gap(PARKING, "zh-Hant", "no_article");
        // Not a gap: the customer asked for a person.
        broker.publish(Topics.HANDOFF, TestEvents.handoff(TestEvents.lineInbound(TestEvents.newLineUser("U"),
                "我要找律師", clock.instant())));
        // A redelivered request records nothing more.
        broker.publish(Topics.HANDOFF, first);

        awaitGrouped(5);
        assertThat(rows("select question || '|' || language || '|' || reason || '|' || intent || '|' || ticket_id "
                + "from knowledge_gaps where event_id = '" + first.eventId() + "'"))
                .containsExactly(CUSTODY_1_REDACTED + "|zh-Hant|no_article|general_info|" + ticketIdOf(first));
        assertThat(rows("select question from knowledge_gaps where language = 'en' order by length(question)"))
                .containsExactly(CUSTODY_EN_1, CUSTODY_EN_2_REDACTED);
        assertThat(count("select count(*) from knowledge_gaps")).isEqualTo(5);

        // Rewordings of one question share a group; another question (and another language) has its own.
        assertThat(rows("select string_agg(question, ' / ' order by length(question)) from knowledge_gaps "
                + "group by group_id")).containsExactlyInAnyOrder(
                CUSTODY_2 + " / " + CUSTODY_1_REDACTED,
                CUSTODY_EN_1 + " / " + CUSTODY_EN_2_REDACTED,
                PARKING);
        assertThat(rows("select gap_count from knowledge_groups order by gap_count desc"))
                .containsExactly("2", "2", "1");

        assertThat(gapsCounted("no_article", "zh-Hant")).isEqualTo(before + 2);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("casedesk_handoff_knowledge_gaps_total{language=\"en\",reason=\"no_article\"}"));
    }

    @Test
    void aQuestionAskedWordForWordAgainReusesItsVectorAndJoinsItsGroup() {
        // A text no other test asks, so that its first embedding happens here.
        String question = "請問第 " + (1000 + new java.util.Random().nextInt(9000)) + " 號停車位的月租可以退費嗎？";
        double computed = embeddings("computed");
        double reused = embeddings("reused");
        gap(question, "zh-Hant", "no_article");
        awaitGrouped(1);
        gap(question, "zh-Hant", "no_article");
        awaitGrouped(2);

        assertThat(embeddings("computed")).isEqualTo(computed + 1);
        assertThat(embeddings("reused")).isEqualTo(reused + 1);
        assertThat(rows("select gap_count from knowledge_groups")).containsExactly("2");
    }

    private double embeddings(String source) {
        return registry.get("casedesk.handoff.knowledge.gap.embeddings").tag("source", source).counter().count();
    }

    private double gapsCounted(String reason, String language) {
        var counter = registry.find("casedesk.handoff.knowledge.gaps").tags("reason", reason, "language", language)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
