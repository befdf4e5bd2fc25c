package io.casedesk.handoff.service;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import io.casedesk.handoff.config.HandoffConfig;
import io.casedesk.handoff.service.ArticleWriter.WrittenArticle;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Drafts written by an OpenAI-compatible model ({@code knowledge.draft-engine=openai}), or nothing: a model that fails,
 * answers late or empty leaves the local draft in place, and after four failures in a row it is left alone for a
 * minute (circuit breaker) instead of being asked for every group.
 */
@ApplicationScoped
public class ModelDrafts {

    private static final Logger LOG = Logger.getLogger(ModelDrafts.class);
    public static final String OPENAI = "openai";

    private final ArticleWriter writer;

    public ModelDrafts(HandoffConfig config) {
        HandoffConfig.Knowledge knowledge = config.knowledge();
        this.writer = OPENAI.equals(knowledge.draftEngine()) ? AiServices.create(ArticleWriter.class,
                OpenAiChatModel.builder()
                        .baseUrl(knowledge.openai().baseUrl())
                        .apiKey(knowledge.openai().apiKey().orElse(""))
                        .modelName(knowledge.openai().model())
                        .timeout(knowledge.openai().timeout())
                        // Retries would only add to the wait: the next run of the worker is the retry.
                        .maxRetries(0)
                        .temperature(0.2)
                        .build()) : null;
    }

    /** Whether a model is configured. */
    public boolean enabled() {
        return writer != null;
    }

    /**
     * The model's article in {@code language} from the group's questions and the answers given to them, each line
     * marked with its language; empty without a model, or when it failed (only the failure's type is logged: its
     * message may quote the material).
     */
    @Timeout(value = 2, unit = ChronoUnit.MINUTES)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 1.0, delay = 1, delayUnit = ChronoUnit.MINUTES)
    @Fallback(fallbackMethod = "noArticle")
    public Optional<WrittenArticle> write(String language, List<String> questions, List<String> answers) {
        if (writer == null) {
            return Optional.empty();
        }
        WrittenArticle article = writer.write(language, String.join("\n", questions), String.join("\n\n", answers));
        if (article == null || article.title() == null || article.title().isBlank() || article.body() == null
                || article.body().isBlank()) {
            throw new IllegalStateException("The model wrote no title or no body");
        }
        return Optional.of(new WrittenArticle(article.title().strip(), article.body().strip()));
    }

    Optional<WrittenArticle> noArticle(String language, List<String> questions, List<String> answers, Throwable failure) {
        LOG.warnf("Model draft in %s not written (%s); the local draft stays", language,
                failure.getClass().getSimpleName());
        return Optional.empty();
    }
}
