package io.casedesk.handoff.service;

import io.casedesk.handoff.config.HandoffConfig;
import io.casedesk.handoff.lifecycle.KnowledgeArticles;
import io.casedesk.handoff.lifecycle.KnowledgeArticles.ModelRequest;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Has the configured model write the knowledge groups' drafts, on the scheduler's worker thread: never on a consumer's
 * path nor a supervisor's request, no transaction open while it waits. Without a model ({@code draft-engine=local}) it
 * does nothing. {@code drafting-interval} {@code off} never schedules it (the tests call {@link #draftWithModel()}).
 */
@ApplicationScoped
public class KnowledgeDrafting {

    private final KnowledgeArticles articles;
    private final ModelDrafts model;
    private final HandoffConfig config;

    public KnowledgeDrafting(KnowledgeArticles articles, ModelDrafts model, HandoffConfig config) {
        this.articles = articles;
        this.model = model;
        this.config = config;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${casedesk.handoff.knowledge.drafting-interval:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        draftWithModel();
    }

    /** Up to {@code drafting-batch} drafts written by the model; how many it wrote. */
    public synchronized int draftWithModel() {
        if (!model.enabled()) {
            return 0;
        }
        int written = 0;
        for (ModelRequest request : articles.awaitingModel(config.knowledge().draftingBatch())) {
            var article = model.write(languageName(request.language()), request.questions(), request.answers());
            if (article.isPresent() && articles.keepModelDraft(request, article.get().title(), article.get().body())) {
                written++;
            }
        }
        return written;
    }

    static String languageName(String language) {
        return switch (language) {
            case "zh-Hans" -> "Simplified Chinese (zh-Hans)";
            case "en" -> "English";
            default -> "Traditional Chinese (zh-Hant, Taiwan usage)";
        };
    }
}
