package io.casedesk.cases.service;

import io.casedesk.cases.model.Article;
import io.casedesk.cases.model.ArticleRevision;
import io.casedesk.cases.model.FirmSettings;
import io.casedesk.cases.view.ArticleRevisionView;
import io.casedesk.cases.view.ArticleView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Publishes one article from the agent inbox (a supervisor approved it): creates or replaces the article under its
 * id as published from the inbox, records the revision and announces the change on {@code cs.firm.v1} through the
 * outbox, all in one transaction, so services caching the knowledge base answer from it at once. Serialized with
 * imports (the import lock).
 */
@ApplicationScoped
public class ArticlePublishing {

    private static final Logger LOG = Logger.getLogger(ArticlePublishing.class);

    private final EntityManager entityManager;
    private final BundleImporter importer;
    private final Event<Publication> publications;
    private final MeterRegistry registry;

    public ArticlePublishing(EntityManager entityManager, BundleImporter importer, Event<Publication> publications,
                             MeterRegistry registry) {
        this.entityManager = entityManager;
        this.importer = importer;
        this.publications = publications;
        this.registry = registry;
        for (String kind : ArticlePublication.Source.KINDS) {
            published(kind);
        }
    }

    /** An article published, of this source kind: counted once its transaction has committed. */
    record Publication(String sourceKind) {
    }

    /** The article as stored, and whether it was created (not replaced). */
    public record Published(ArticleView article, boolean created) {
    }

    /**
     * @throws InvalidArticleException listing every problem; nothing has been written then
     */
    @Transactional
    public Published publish(String id, ArticlePublication publication) {
        entityManager.createNativeQuery("select cast(pg_advisory_xact_lock(:key) as text)")
                .setParameter("key", BundleImporter.IMPORT_LOCK_KEY).getSingleResult();
        List<String> languages = FirmSettings.<FirmSettings>findByIdOptional(FirmSettings.THE_FIRM)
                .map(firm -> firm.languages).orElse(List.of());
        var problems = publication.problems(id, languages);
        if (!problems.isEmpty()) {
            throw new InvalidArticleException(problems);
        }
        Article stored = Article.findById(id);
        boolean created = stored == null;
        Article article = created ? new Article() : stored;
        article.takePublished(id, publication.language(), publication.title(), publication.body(),
                publication.tags());
        if (created) {
            article.persist();
        }
        // The revision refers to the article: it is written first.
        Article.flush();
        ArticlePublication.Source source = publication.source();
        String kind = publication.sourceKind();
        ArticleRevision revision = ArticleRevision.record(article, kind, source == null ? null : source.reference(),
                source == null ? null : source.by(), Instant.now());
        importer.announceChange(false, true);
        publications.fire(new Publication(kind));
        LOG.infof("Published revision %d of an article (%s, %s)", revision.revision, kind,
                created ? "created" : "replaced");
        return new Published(ArticleView.of(article), created);
    }

    /** The article's revisions, newest first; empty when there is no such article. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<ArticleRevisionView>> revisions(String id) {
        if (Article.findById(id) == null) {
            return Optional.empty();
        }
        return Optional.of(ArticleRevision.listNewestFirst(id).stream().map(ArticleRevisionView::of).toList());
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) Publication publication) {
        published(publication.sourceKind()).increment();
    }

    private Counter published(String kind) {
        return Counter.builder("casedesk.case.service.articles.published").tag("source", kind)
                .description("Articles published from the agent inbox, counted once committed").register(registry);
    }
}
