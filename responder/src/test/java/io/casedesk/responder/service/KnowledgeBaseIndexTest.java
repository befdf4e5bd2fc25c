package io.casedesk.responder.service;

import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.casedesk.responder.client.ArticleView;
import io.casedesk.responder.messaging.InMemoryChannels;
import io.casedesk.responder.messaging.ResponderCaseServiceStandIn;
import io.casedesk.responder.service.knowledge.KnowledgeIndex;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base's index over time, with the real model and a clock and an executor the test moves: after the
 * time to live the index at hand keeps answering while the articles are read again, and they are indexed again only
 * when they changed.
 */
@QuarkusTest
@WithTestResource(InMemoryChannels.class)
@WithTestResource(ResponderCaseServiceStandIn.class)
class KnowledgeBaseIndexTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final ArticleView PARKING = new ArticleView("KB-1", "en", "Parking",
            "Visitors may park in the basement of our building.", List.of("parking"));
    private static final ArticleView FEES = new ArticleView("KB-2", "en", "Fees",
            "A first consultation costs NT$3,000.", List.of("fees"));

    @Inject
    EmbeddingModel model;

    private final AtomicLong nanos = new AtomicLong();
    private final Queue<Runnable> background = new ArrayDeque<>();
    /** What case-service publishes; {@code null}: it does not answer. */
    private final AtomicReference<List<ArticleView>> published = new AtomicReference<>(List.of(PARKING));
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger builds = new AtomicInteger();
    private final List<String> rereads = new java.util.ArrayList<>();

    private LoadingCache<String, KnowledgeIndex> index() {
        return KnowledgeBase.articleIndex(() -> {
            reads.incrementAndGet();
            if (published.get() == null) {
                throw new IllegalStateException("case-service did not answer");
            }
            return published.get();
        }, articles -> {
            builds.incrementAndGet();
            return KnowledgeIndex.of(articles, model);
        }, TTL, nanos::get, background::add, rereads::add);
    }

    @Test
    void afterTheTimeToLiveTheIndexAtHandAnswersWhileTheArticlesAreReadAgainAndUnchangedOnesAreNotIndexedAgain() {
        LoadingCache<String, KnowledgeIndex> index = index();
        KnowledgeIndex first = index.get("articles");
        nanos.addAndGet(TTL.plusSeconds(1).toNanos());

        assertThat(index.get("articles")).isSameAs(first);
        assertThat(reads).as("read again in the background, not by the message").hasValue(1);
        runInBackground();

        assertThat(reads).hasValue(2);
        assertThat(builds).hasValue(1);
        assertThat(rereads).containsExactly("unchanged");
        assertThat(index.get("articles")).isSameAs(first);
    }

    @Test
    void changedArticlesAreIndexedAgainInTheBackground() {
        LoadingCache<String, KnowledgeIndex> index = index();
        KnowledgeIndex first = index.get("articles");
        published.set(List.of(PARKING, FEES));
        nanos.addAndGet(TTL.plusSeconds(1).toNanos());

        assertThat(index.get("articles")).isSameAs(first);
        runInBackground();

        KnowledgeIndex second = index.get("articles");
        assertThat(second).isNotSameAs(first);
        assertThat(second.indexes(List.of(PARKING, FEES))).isTrue();
        assertThat(builds).hasValue(2);
        assertThat(rereads).containsExactly("changed");
    }

    @Test
    void aFailedReadKeepsTheIndexAtHand() {
        LoadingCache<String, KnowledgeIndex> index = index();
        KnowledgeIndex first = index.get("articles");
        published.set(null);
        nanos.addAndGet(TTL.plusSeconds(1).toNanos());

        index.get("articles");
        runInBackground();

        assertThat(index.get("articles")).isSameAs(first);
        assertThat(rereads).containsExactly("failed");
    }

    @Test
    void anImportDropsTheIndexAndTheNextMessageReadsTheNewArticles() {
        LoadingCache<String, KnowledgeIndex> index = index();
        index.get("articles");
        published.set(List.of(FEES));

        index.invalidateAll();

        assertThat(index.get("articles").indexes(List.of(FEES))).isTrue();
    }

    private void runInBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }
}
