package io.casedesk.responder.service.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.casedesk.responder.client.ArticleView;
import io.casedesk.responder.messaging.InMemoryChannels;
import io.casedesk.responder.messaging.ResponderCaseServiceStandIn;
import io.casedesk.responder.service.ReplyLanguage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retrieval over the demo firm's real articles, in both its languages, with the real in-process model: words and
 * meaning, across languages and scripts. A Quarkus test, so the model (and its native tokenizer, which a JVM loads
 * once) is the application's own.
 */
@QuarkusTest
@WithTestResource(InMemoryChannels.class)
@WithTestResource(ResponderCaseServiceStandIn.class)
class KnowledgeIndexTest {

    @Inject
    EmbeddingModel model;

    private static KnowledgeIndex index;

    @BeforeEach
    void indexTheDemoFirmsArticles() throws IOException {
        if (index != null) {
            return;
        }
        index = KnowledgeIndex.of(demoArticles(), model);
    }

    private static List<ArticleView> demoArticles() {
        try {
            JsonNode bundle = new ObjectMapper().readTree(Path.of("../deploy/demo-data/lawfirm-demo.json").toFile());
            List<ArticleView> articles = new ArrayList<>();
            for (JsonNode a : bundle.get("articles")) {
                List<String> tags = new ArrayList<>();
                a.get("tags").forEach(t -> tags.add(t.asText()));
                articles.add(new ArticleView(a.get("id").asText(), a.get("language").asText(), a.get("title").asText(),
                        a.get("body").asText(), tags));
            }
            return articles;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A firm that wrote a topic in one language only: the demo firm's articles without the Chinese refund and parking
     * articles. A Chinese question ranks the English article first (the model puts it below every Chinese text, so it
     * is measured among the English articles) and is answered with it when it leads, and a question no article answers
     * still finds none.
     */
    @Test
    void aTopicWrittenInTheOtherLanguageOnlyIsFoundByItsMeaning() {
        List<ArticleView> oneLanguage = demoArticles().stream()
                .filter(a -> !a.id().equals("kb-refund-policy-zh-hant") && !a.id().equals("kb-address-parking-zh-hant"))
                .toList();
        KnowledgeIndex partly = KnowledgeIndex.of(oneLanguage, model);

        assertThat(partly.ranked("如果我不想委任了，已經付的錢可以退嗎").get(0).article().id()).isEqualTo("kb-refund-policy-en");
        assertThat(partly.answer("事務所附近哪裡可以停車？", ReplyLanguage.ZH_HANT)).get()
                .extracting(a -> a.article().id()).isEqualTo("kb-address-parking-en");
        assertThat(partly.answer("你們可以幫我養的狗看病嗎", ReplyLanguage.ZH_HANT)).isEmpty();
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
        assertThat(index.answer(question, ReplyLanguage.ZH_HANT)).get().extracting(a -> a.article().id()).isEqualTo(expected);
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
        assertThat(index.answer(question, ReplyLanguage.EN)).get().extracting(a -> a.article().id()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // A question in one language finds the topic, the answer is the article in the writer's language.
            "How long do you keep client files after a case is closed? | ZH_HANT | kb-privacy-retention-zh-hant",
            "合約審閱要幾個工作天？ | EN | kb-contract-review-en",
            // Simplified Chinese finds the Traditional article (the firm writes no Simplified one).
            "请问你们的办公室地址在哪里？可以停车吗 | ZH_HANS | kb-address-parking-zh-hant",
            "可以刷卡付款吗？ | ZH_HANS | kb-fees-payment-zh-hant",
    })
    void answersInTheWritersLanguageWhateverTheQuestionsLanguage(String question, ReplyLanguage writer, String expected) {
        assertThat(index.answer(question, writer)).get().extracting(a -> a.article().id()).isEqualTo(expected);
    }

    /** Nothing is left of such a message once case numbers are taken out: it names no topic. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-FAM-0142", " 2026-fam-0142 ", "2026-FAM-0142\n2026-CON-0388"})
    void aMessageOfOnlyCaseNumbersFindsNoArticle(String message) {
        assertThat(index.answer(message, ReplyLanguage.ZH_HANT)).isEmpty();
        assertThat(index.ranked(message)).isEmpty();
    }

    @Test
    void quotesThePassagesThatFitNotTheWholeArticle() {
        KnowledgeIndex.Answer answer = index.answer("How long do you keep my file after my case is closed?",
                ReplyLanguage.EN).orElseThrow();

        assertThat(answer.text()).startsWith("Privacy and data retention").contains("3 years");
        assertThat(answer.passages().size()).isLessThanOrEqualTo(KnowledgeIndex.MAX_QUOTED_PASSAGES);
        assertThat(answer.text().length()).isLessThan(answer.article().title().length() + answer.article().body().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"我先生剛剛被警察帶走，人在分局，我該怎麼辦？", "My son was arrested an hour ago, what do I do?",
            "明天就是上訴期限最後一天，我還沒收到判決書"})
    void findsTheUrgentContactArticleAmongOthersForAnUrgentMessage(String message) {
        assertThat(index.answerAmong(message + " urgent contact 緊急", ReplyLanguage.ZH_HANT,
                article -> article.id().startsWith("kb-urgent-contact"))).get()
                .extracting(a -> a.article().id()).isEqualTo("kb-urgent-contact-zh-hant");
        assertThat(index.answerAmong("推薦一家好吃的牛肉麵", ReplyLanguage.ZH_HANT,
                article -> article.id().startsWith("kb-urgent-contact"))).as("below the minimum score").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"我的狗一直咳嗽怎麼辦", "推薦一家好吃的牛肉麵", "Can you recommend a good beef noodle shop near Taipei Main Station?"})
    void findsNothingForUnrelatedQuestions(String question) {
        assertThat(index.answer(question, ReplyLanguage.ZH_HANT)).isEmpty();
    }
}
