package io.casedesk.cases.rest;

import io.casedesk.cases.Database;
import io.casedesk.cases.DemoBundle;
import io.casedesk.cases.service.BundleImporter;
import io.casedesk.infra.test.KafkaTestClient;
import io.casedesk.schema.EventCodec;
import io.casedesk.schema.FirmChanged;
import io.casedesk.schema.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.casedesk.cases.ApiClient.asHandoff;
import static io.casedesk.cases.ApiClient.asLauncher;
import static io.casedesk.cases.ApiClient.asResponder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * A supervisor's approved article from the agent inbox (handoff's key, role {@code publish-kb}): published at once
 * with its revision and the {@code cs.firm.v1} announcement, kept by imports that do not list it, replaced by one that
 * does.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArticlePublishingIT {

    private static final String WILL = "kb-will-witnesses-zh-hant";
    private static final String OFFICE_HOURS = "kb-office-hours-en";
    private static final int DEMO_ARTICLES = 24;

    @Inject
    DataSource dataSource;

    @Inject
    BundleImporter importer;

    @RegisterExtension
    static final KafkaTestClient kafka = new KafkaTestClient();

    private Database database;

    @BeforeAll
    void demoFirm() {
        database = new Database(dataSource);
        database.truncateAll();
        importer.importBundle(DemoBundle.tree());
    }

    /** The other test classes expect the demo firm's knowledge base as imported. */
    @AfterAll
    void demoFirmAgain() {
        database.execute("delete from articles where origin = 'inbox'");
        importer.importBundle(DemoBundle.tree());
    }

    @Test
    @Order(1)
    void aNewArticleIsCreatedWithItsRevisionAnnouncedAndCounted() {
        int announcedBefore = firmChanges().size();
        double countedBefore = publishedCount("knowledge_gap");

        publish(WILL, article("zh-Hant", "自書遺囑需要見證人嗎？", "自書遺囑不需要見證人，但須全文親筆書寫並簽名、記明年月日。",
                List.of("遺囑", "見證人"), source("knowledge_gap", "gap-7f3a", "林督導")))
                .statusCode(201)
                .header("Location", endsWith("/api/v1/articles/" + WILL))
                .body("id", equalTo(WILL)).body("language", equalTo("zh-Hant"))
                .body("title", equalTo("自書遺囑需要見證人嗎？")).body("tags", contains("遺囑", "見證人"))
                .body("origin", equalTo("inbox"));

        asResponder().get("/api/v1/articles/{id}", WILL).then().statusCode(200).body("origin", equalTo("inbox"))
                .body("body", equalTo("自書遺囑不需要見證人，但須全文親筆書寫並簽名、記明年月日。"));
        asResponder().queryParam("q", "見證人").get("/api/v1/articles").then().statusCode(200)
                .body("id", hasItem(WILL));
        assertThat(database.strings("select source_kind || '|' || source_reference || '|' || source_by || '|' "
                + "|| revision from article_revisions where article_id = '" + WILL + "'"))
                .containsExactly("knowledge_gap|gap-7f3a|林督導|1");
        List<FirmChanged> announced = firmChanges(announcedBefore + 1);
        assertThat(announced).hasSize(announcedBefore + 1);
        assertThat(announced.get(announced.size() - 1)).isEqualTo(new FirmChanged(false, true, DEMO_ARTICLES + 1));
        assertThat(publishedCount("knowledge_gap")).isEqualTo(countedBefore + 1);
    }

    @Test
    @Order(2)
    void publishingTheSameIdAgainReplacesTheArticleAndTheRevisionsAreListedNewestFirst() {
        int announcedBefore = firmChanges().size();

        publish(WILL, article("zh-Hant", "自書遺囑需要見證人嗎？", "自書遺囑不需要見證人；代筆遺囑則需三位以上見證人。",
                List.of("遺囑"), source("manual", null, "王主任")))
                .statusCode(200)
                .header("Location", nullValue())
                .body("body", equalTo("自書遺囑不需要見證人；代筆遺囑則需三位以上見證人。")).body("tags", contains("遺囑"));

        asHandoff().get("/api/v1/articles/{id}/revisions", WILL).then().statusCode(200)
                .body("", hasSize(2))
                .body("revision", contains(2, 1))
                .body("[0].source.kind", equalTo("manual")).body("[0].source.by", equalTo("王主任"))
                .body("[0].source.reference", nullValue())
                .body("[0].body", equalTo("自書遺囑不需要見證人；代筆遺囑則需三位以上見證人。"))
                .body("[0].publishedAt", notNullValue())
                .body("[1].source.kind", equalTo("knowledge_gap")).body("[1].source.reference", equalTo("gap-7f3a"))
                .body("[1].source.by", equalTo("林督導"))
                .body("[1].body", equalTo("自書遺囑不需要見證人，但須全文親筆書寫並簽名、記明年月日。"));
        List<FirmChanged> announced = firmChanges(announcedBefore + 1);
        assertThat(announced.get(announced.size() - 1)).isEqualTo(new FirmChanged(false, true, DEMO_ARTICLES + 1));
    }

    @Test
    @Order(3)
    void withoutASourceTheArticleIsAManualOne() {
        double countedBefore = publishedCount("manual");

        publish("kb-court-parking-en", article("en", "Parking at the district court", "Use the public garage.",
                null, null)).statusCode(201).body("tags", hasSize(0));

        asResponder().get("/api/v1/articles/{id}/revisions", "kb-court-parking-en").then().statusCode(200)
                .body("", hasSize(1)).body("[0].source.kind", equalTo("manual")).body("[0].source.by", nullValue());
        assertThat(publishedCount("manual")).isEqualTo(countedBefore + 1);
    }

    @Test
    @Order(4)
    void anImportedArticlesRevisionsShowTheImportAndAnUnknownArticleHasNone() {
        asResponder().get("/api/v1/articles/{id}/revisions", OFFICE_HOURS).then().statusCode(200)
                .body("", hasSize(1)).body("[0].revision", equalTo(1)).body("[0].source.kind", equalTo("import"))
                .body("[0].source.by", nullValue());
        asResponder().get("/api/v1/articles/{id}/revisions", "kb-nothing").then().statusCode(404)
                .contentType(ApiError.MEDIA_TYPE).body("error", equalTo("not_found"));
    }

    @Test
    @Order(5)
    void onlyAKeyWithThePublishRoleMayPublish() {
        Map<String, Object> article = article("en", "t", "b", List.of(), null);

        asResponder().contentType(ContentType.JSON).body(article).put("/api/v1/articles/{id}", "kb-sneaky").then()
                .statusCode(403).contentType(ApiError.MEDIA_TYPE).body("error", equalTo("forbidden"));
        asLauncher().contentType(ContentType.JSON).body(article).put("/api/v1/articles/{id}", "kb-sneaky").then()
                .statusCode(403).body("error", equalTo("forbidden"));
        given().contentType(ContentType.JSON).body(article).put("/api/v1/articles/{id}", "kb-sneaky").then()
                .statusCode(401).contentType(ApiError.MEDIA_TYPE).body("error", equalTo("unauthorized"));
        given().get("/api/v1/articles/{id}/revisions", WILL).then().statusCode(401);
        asLauncher().get("/api/v1/articles/{id}/revisions", WILL).then().statusCode(403);

        asResponder().get("/api/v1/articles/{id}", "kb-sneaky").then().statusCode(404);
    }

    @Test
    @Order(6)
    void anInvalidArticleIsRefusedWithItsProblemsAndNothingIsWritten() {
        long articles = database.count("select count(*) from articles");
        long revisions = database.count("select count(*) from article_revisions");
        String good = "A body.";

        invalid(" kb-padded", article("en", "Title", good, null, null), "id");
        invalid("kb-" + "x".repeat(126), article("en", "Title", good, null, null), "id");
        invalid("kb-french", article("fr", "Titre", good, null, null), "$.language");
        invalid("kb-no-language", article(null, "Title", good, null, null), "$.language");
        invalid("kb-empty-title", article("en", "", good, null, null), "$.title");
        invalid("kb-no-title", article("en", null, good, null, null), "$.title");
        invalid("kb-long-title", article("en", "t".repeat(201), good, null, null), "$.title");
        invalid("kb-blank-body", article("en", "Title", "  ", null, null), "$.body");
        invalid("kb-long-body", article("en", "Title", "b".repeat(20_001), null, null), "$.body");
        List<String> tooManyTags = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooManyTags.add("tag" + i);
        }
        invalid("kb-many-tags", article("en", "Title", good, tooManyTags, null), "$.tags");
        invalid("kb-blank-tag", article("en", "Title", good, List.of("ok", " "), null), "$.tags[1]");
        invalid("kb-odd-source", article("en", "Title", good, null, source("email", null, "x")), "$.source.kind");
        invalid("kb-gap-without-reference", article("en", "Title", good, null, source("knowledge_gap", null, "x")),
                "$.source.reference");
        asHandoff().contentType(ContentType.JSON).body(article(null, "", "", null, null))
                .put("/api/v1/articles/{id}", "kb-everything-wrong").then().statusCode(400)
                .body("problems.path", contains("$.language", "$.title", "$.body"));
        asHandoff().contentType(ContentType.JSON).body("{\"title\": ").put("/api/v1/articles/{id}", "kb-not-json")
                .then().statusCode(400).contentType(ApiError.MEDIA_TYPE).body("error", equalTo("bad_request"));
        asHandoff().contentType(ContentType.JSON).body("{\"tags\": \"one\"}").put("/api/v1/articles/{id}", "kb-tags")
                .then().statusCode(400).contentType(ApiError.MEDIA_TYPE).body("error", equalTo("bad_request"));

        assertThat(database.count("select count(*) from articles")).isEqualTo(articles);
        assertThat(database.count("select count(*) from article_revisions")).isEqualTo(revisions);
    }

    @Test
    @Order(7)
    void anImportKeepsTheInboxsArticlesItDoesNotListAndReplacesTheOnesItDoes() {
        String importedTitle = asResponder().get("/api/v1/articles/{id}", OFFICE_HOURS).then().statusCode(200)
                .extract().path("title");
        publish(OFFICE_HOURS, article("en", "Office hours over New Year", "Closed from 31 December to 2 January.",
                List.of("hours"), source("knowledge_gap", "gap-91c0", "林督導"))).statusCode(200)
                .body("origin", equalTo("inbox"));

        asLauncher().contentType(ContentType.JSON).body(DemoBundle.json()).post("/api/v1/import").then()
                .statusCode(200)
                .body("changes.articles.updated", equalTo(1))
                .body("changes.articles.removed", equalTo(0));

        asResponder().get("/api/v1/articles/{id}", WILL).then().statusCode(200).body("origin", equalTo("inbox"));
        asResponder().get("/api/v1/articles/{id}", "kb-court-parking-en").then().statusCode(200);
        asResponder().get("/api/v1/articles/{id}", OFFICE_HOURS).then().statusCode(200)
                .body("origin", equalTo("import")).body("title", equalTo(importedTitle));
        asResponder().get("/api/v1/articles/{id}/revisions", OFFICE_HOURS).then().statusCode(200)
                .body("revision", contains(3, 2, 1))
                .body("source.kind", contains("import", "knowledge_gap", "import"))
                .body("[0].title", equalTo(importedTitle))
                .body("[1].source.reference", equalTo("gap-91c0"));
        asResponder().get("/api/v1/articles/{id}/revisions", WILL).then().statusCode(200).body("", hasSize(2));
    }

    @Test
    @Order(8)
    void anotherFirmsKnowledgeBaseRemovesTheImportedArticlesOnlyAndTheirRevisionsGoWithThem() {
        String other = "{\"firm\":{\"name\":\"南港法律事務所\",\"timezone\":\"Asia/Taipei\",\"languages\":[\"zh-Hant\"]},"
                + "\"articles\":[{\"id\":\"kb-retention-zh-hant\",\"language\":\"zh-Hant\",\"title\":\"卷宗保存\","
                + "\"body\":\"結案後卷宗保存五年。\",\"tags\":[]}]}";

        asLauncher().contentType(ContentType.JSON).body(other).post("/api/v1/import")
                .then().statusCode(200).body("changes.articles.removed", equalTo(DEMO_ARTICLES));

        asResponder().get("/api/v1/articles").then().statusCode(200)
                .body("id", contains("kb-court-parking-en", "kb-retention-zh-hant", WILL));
        assertThat(database.count("select count(*) from article_revisions where article_id = '" + OFFICE_HOURS
                + "'")).isZero();
        // The firm writes in zh-Hant only now.
        invalid("kb-court-parking-en", article("en", "Parking", "Use the garage.", null, null), "$.language");
    }

    private void invalid(String id, Map<String, Object> article, String path) {
        asHandoff().contentType(ContentType.JSON).body(article).put("/api/v1/articles/{id}", id).then()
                .statusCode(400).contentType(ApiError.MEDIA_TYPE)
                .body("type", equalTo("urn:casedesk:problem:invalid_article"))
                .body("status", equalTo(400))
                .body("error", equalTo("invalid_article"))
                .body("problems.path", contains(path));
    }

    private static ValidatableResponse publish(String id, Map<String, Object> article) {
        return asHandoff().contentType(ContentType.JSON).body(article).put("/api/v1/articles/{id}", id).then();
    }

    private static Map<String, Object> article(String language, String title, String body, List<String> tags,
                                               Map<String, Object> source) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("language", language);
        article.put("title", title);
        article.put("body", body);
        if (tags != null) {
            article.put("tags", tags);
        }
        if (source != null) {
            article.put("source", source);
        }
        return article;
    }

    private static Map<String, Object> source(String kind, String reference, String by) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("kind", kind);
        if (reference != null) {
            source.put("reference", reference);
        }
        source.put("by", by);
        return source;
    }

    /** Every announcement so far, once the outbox relay has published what was committed. */
    private List<FirmChanged> firmChanges() {
        return firmChanges(Integer.MAX_VALUE);
    }

    /** The announcements read until there are {@code atLeast} (or for a few seconds when that is never). */
    private List<FirmChanged> firmChanges(int atLeast) {
        await().atMost(Duration.ofSeconds(30)).until(() -> database.count("select count(*) from outbox_events") == 0);
        return kafka.readUntil(Topics.FIRM, records -> records.size() >= atLeast, Duration.ofSeconds(5)).stream()
                .map(record -> EventCodec.shared().decode(record.value()).as(FirmChanged.class).payload()).toList();
    }

    /** The counter's value at /q/metrics; 0 before it is there. */
    private static double publishedCount(String source) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("casedesk_case_service_articles_published_total{")
                        && line.contains("source=\"" + source + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }
}
