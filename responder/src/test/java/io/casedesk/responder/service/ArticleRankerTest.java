package io.casedesk.responder.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.casedesk.responder.client.ArticleView;
import io.casedesk.responder.messaging.CaseServiceStandIn;
import io.casedesk.responder.messaging.InMemoryChannels;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retrieval over the demo firm's real articles with the real in-process model: words and meaning. A Quarkus test, so
 * the model (and its native tokenizer, which a JVM loads once) is the application's own.
 */
@QuarkusTest
@WithTestResource(InMemoryChannels.class)
@WithTestResource(CaseServiceStandIn.class)
class ArticleRankerTest {

    @Inject
    EmbeddingModel model;

    private static ArticleRanker ranker;
    private static List<ArticleRanker.IndexedArticle> zhHant;
    private static List<ArticleRanker.IndexedArticle> en;

    @BeforeEach
    void indexTheDemoFirmsArticles() throws IOException {
        if (ranker != null) {
            return;
        }
        JsonNode bundle = new ObjectMapper().readTree(Path.of("../deploy/demo-data/lawfirm-demo.json").toFile());
        List<ArticleView> zh = new ArrayList<>();
        List<ArticleView> english = new ArrayList<>();
        for (JsonNode a : bundle.get("articles")) {
            List<String> tags = new ArrayList<>();
            a.get("tags").forEach(t -> tags.add(t.asText()));
            ArticleView article = new ArticleView(a.get("id").asText(), a.get("language").asText(), a.get("title").asText(),
                    a.get("body").asText(), tags);
            (article.language().equals("en") ? english : zh).add(article);
        }
        ranker = new ArticleRanker(model);
        zhHant = ranker.index(zh);
        en = ranker.index(english);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "你們事務所在哪裡？要怎麼過去？ | kb-address-parking-zh-hant",
            "過年期間你們有上班嗎 | kb-office-hours-zh-hant",
            "可以刷卡付款嗎？ | kb-fees-payment-zh-hant",
            "如果我不想委任了，已經付的錢可以退嗎 | kb-refund-policy-zh-hant",
            "第一次開庭要做什麼準備 | kb-first-hearing-zh-hant",
            "我家人半夜被警察帶走了，怎麼聯絡律師 | kb-urgent-contact-zh-hant",
    })
    void findsTheChineseArticle(String question, String expected) {
        assertThat(ranker.matching(question, zhHant)).first().extracting(ArticleView::id).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Where is your office, and can I park there? | kb-address-parking-en",
            "How long does it take you to look over a contract? | kb-contract-review-en",
            "What will happen at my first court date? | kb-first-hearing-en",
            "Can I pay by credit card? | kb-fees-payment-en",
            "Can I send you my documents by email? | kb-submit-documents-en",
            "Are you open over Chinese New Year? | kb-office-hours-en",
    })
    void findsTheEnglishArticle(String question, String expected) {
        assertThat(ranker.matching(question, en)).first().extracting(ArticleView::id).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"我的狗一直咳嗽怎麼辦", "推薦一家好吃的牛肉麵"})
    void findsNothingForUnrelatedQuestions(String question) {
        assertThat(ranker.matching(question, zhHant)).isEmpty();
    }
}
