package io.casedesk.responder.service;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.casedesk.responder.client.ArticleView;
import io.casedesk.responder.client.CaseServiceClient;
import io.casedesk.responder.client.CaseServiceUnavailableException;
import io.casedesk.responder.client.FirmView;
import io.casedesk.responder.config.ResponderConfig;
import io.casedesk.responder.service.knowledge.KnowledgeIndex;
import io.casedesk.responder.service.knowledge.QuestionEmbedder;
import io.casedesk.schema.TextEmbedding;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The firm's published information from case-service, cached: its settings (name, tone, time zone, languages) and
 * its articles in every language, indexed ({@link KnowledgeIndex}). An import announces itself on {@code cs.firm.v1}
 * and {@link #forget()} drops both at once; the time to live is only a safety net. When it has passed, the articles are
 * read again in the background while messages are answered with the index at hand, and indexed again only if they
 * changed: indexing embeds every passage, a second or more of CPU, and every message waited for it.
 */
@ApplicationScoped
public class KnowledgeBase {

    private static final Logger LOG = Logger.getLogger(KnowledgeBase.class);
    /** The index's one key. */
    private static final String ARTICLES = "articles";

    private final CaseServiceClient caseService;
    private final ResponderConfig config;
    private final Clock clock;
    private final LoadingCache<String, KnowledgeIndex> index;
    private volatile Cached<FirmView> firm;

    public KnowledgeBase(@RestClient CaseServiceClient caseService, QuestionEmbedder embedder, ResponderConfig config,
                         Clock clock, ManagedExecutor executor, MeterRegistry metrics) {
        this.caseService = caseService;
        this.config = config;
        this.clock = clock;
        // Quarkus's worker pool: its threads see the application's classes, which the REST client's call needs.
        this.index = articleIndex(() -> caseService.articles(null), articles -> KnowledgeIndex.of(articles, embedder),
                config.articleCacheTtl(), Ticker.systemTicker(), executor,
                outcome -> metrics.counter("casedesk.responder.knowledge.rereads", "outcome", outcome).increment());
    }

    /**
     * The one index of the firm's articles: built on first use (concurrent callers wait for that one build), read
     * again {@code ttl} after it was built, in the background on {@code executor} while the index at hand keeps
     * answering, and built again only if the articles changed. A failed read keeps the index at hand. Each read
     * again is counted by its outcome: {@code unchanged}, {@code changed}, {@code failed}.
     */
    static LoadingCache<String, KnowledgeIndex> articleIndex(Supplier<List<ArticleView>> articles,
            Function<List<ArticleView>, KnowledgeIndex> indexer, Duration ttl, Ticker ticker, Executor executor,
            Consumer<String> reread) {
        return Caffeine.newBuilder().refreshAfterWrite(ttl).ticker(ticker).executor(executor)
                .build(new CacheLoader<>() {
                    @Override
                    public KnowledgeIndex load(String key) {
                        return indexer.apply(articles.get());
                    }

                    @Override
                    public KnowledgeIndex reload(String key, KnowledgeIndex current) {
                        try {
                            List<ArticleView> now = articles.get();
                            boolean unchanged = current.indexes(now);
                            KnowledgeIndex next = unchanged ? current : indexer.apply(now);
                            reread.accept(unchanged ? "unchanged" : "changed");
                            return next;
                        } catch (RuntimeException e) {
                            reread.accept("failed");
                            throw e;
                        }
                    }
                });
    }

    /** What the knowledge base says to {@code text} for a writer of {@code language}, when anything fits. */
    public Optional<KnowledgeIndex.Answer> answer(String text, ReplyLanguage language) {
        return answer(text, language, null);
    }

    /** The same, for a message that came with the classifier's embedding of its text ({@code null}: none). */
    public Optional<KnowledgeIndex.Answer> answer(String text, ReplyLanguage language, TextEmbedding known) {
        return index().answer(text, language, known);
    }

    /** The best of the articles {@code wanted} accepts for {@code text}; see {@link KnowledgeIndex#answerAmong}. */
    public Optional<KnowledgeIndex.Answer> answerAmong(String text, ReplyLanguage language,
                                                       Predicate<ArticleView> wanted) {
        return index().answerAmong(text, language, wanted);
    }

    /** The firm's settings, cached like the articles. */
    public FirmView firm() {
        Cached<FirmView> cached = firm;
        if (cached == null || cached.expired(clock.instant(), config)) {
            cached = new Cached<>(readFirm(), clock.instant());
            firm = cached;
        }
        return cached.value();
    }

    /** The firm case-service holds; an empty one before any firm was imported. */
    private FirmView readFirm() {
        try (Response response = caseService.firm()) {
            if (response.getStatus() == 404) {
                return new FirmView(null, null);
            }
            if (response.getStatus() != 200) {
                throw new CaseServiceUnavailableException("case-service answered HTTP " + response.getStatus());
            }
            return response.readEntity(FirmView.class);
        }
    }

    /** Today in the firm's time zone (the system's when the firm names none). */
    public LocalDate today() {
        String timezone = firm().timezone();
        ZoneId zone;
        try {
            zone = timezone == null ? clock.getZone() : ZoneId.of(timezone);
        } catch (DateTimeException e) {
            zone = clock.getZone();
        }
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Drops what was read: the next message reads the firm and its articles again (after an import). */
    public void forget() {
        // A read in the background that ends after this is not kept.
        index.invalidateAll();
        firm = null;
    }

    KnowledgeIndex index() {
        return index.get(ARTICLES);
    }

    /** At start-up, the firm is read and indexed in the background, so the first customer does not wait for it. */
    void readAtStart(@Observes StartupEvent startup) {
        readInBackground();
    }

    /** Drops what was read (after an import) and reads the new firm in the background. */
    public void reread() {
        forget();
        readInBackground();
    }

    private void readInBackground() {
        Thread reader = new Thread(this::warmUp, "knowledge-base-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Reads the firm and indexes its articles now rather than on a customer's message. Failing here is harmless
     * (case-service may start later): the first message then reads them.
     */
    public boolean warmUp() {
        try {
            firm();
            index();
            return true;
        } catch (RuntimeException e) {
            LOG.infof("The knowledge base is read on the first message: case-service did not answer yet (%s)",
                    e.getClass().getSimpleName());
            return false;
        }
    }

    private record Cached<T>(T value, Instant fetchedAt) {
        boolean expired(Instant now, ResponderConfig config) {
            return fetchedAt.plus(config.articleCacheTtl()).isBefore(now);
        }
    }
}
