package io.casedesk.responder.service.knowledge;

import io.casedesk.responder.client.ArticleView;
import io.casedesk.responder.service.ReplyLanguage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which articles are the same topic in different languages, so that a question finds a topic in whichever language
 * matches it best and is answered in the writer's. Two articles of different languages are one topic when their
 * ids differ only by a language suffix ({@code kb-fees-zh-hant}, {@code kb-fees-en}); otherwise when they share
 * most of their tags, or their titles mean the same, and each is the other's closest.
 */
final class ArticleTopics {

    private static final Pattern LANGUAGE_SUFFIX = Pattern.compile(
            "[-_.](?:zh(?:[-_](?:hant|hans|tw|cn|hk))?|en(?:[-_](?:us|gb))?|ja|ko)$", Pattern.CASE_INSENSITIVE);
    /** Two titles in different languages this similar (bge-small-zh cosine) may be one topic. */
    private static final double SAME_MEANING = 0.80;
    private static final double SHARED_TAGS = 0.5;

    private final Map<ArticleView, String> keys;
    private final Map<String, List<ArticleView>> members;

    private ArticleTopics(Map<ArticleView, String> keys) {
        this.keys = keys;
        this.members = new HashMap<>();
        keys.forEach((article, key) -> members.computeIfAbsent(key, k -> new ArrayList<>()).add(article));
    }

    /** @param titleVectors each article's title embedding, in the articles' order */
    static ArticleTopics of(List<ArticleView> articles, List<float[]> titleVectors) {
        Map<ArticleView, String> keys = new HashMap<>();
        Map<String, Set<ReplyLanguage>> languagesByStem = new HashMap<>();
        for (ArticleView article : articles) {
            languagesByStem.computeIfAbsent(stem(article.id()), s -> new HashSet<>()).add(language(article));
        }
        List<Integer> unpaired = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            String stem = stem(articles.get(i).id());
            if (languagesByStem.get(stem).size() > 1) {
                keys.put(articles.get(i), stem);
            } else {
                unpaired.add(i);
            }
        }
        for (int i : unpaired) {
            int partner = closestInOtherLanguage(i, unpaired, articles, titleVectors);
            boolean mutual = partner >= 0 && closestInOtherLanguage(partner, unpaired, articles, titleVectors) == i;
            String key = mutual ? stem(articles.get(Math.min(i, partner)).id()) : stem(articles.get(i).id());
            keys.put(articles.get(i), key);
        }
        return new ArticleTopics(keys);
    }

    String keyOf(ArticleView article) {
        return keys.getOrDefault(article, article.id());
    }

    /** The topic's article for a writer of {@code language}: theirs, else the other Chinese script, else this one. */
    ArticleView inLanguage(ArticleView article, ReplyLanguage language) {
        List<ArticleView> topic = members.getOrDefault(keyOf(article), List.of(article));
        List<ReplyLanguage> preference = switch (language) {
            case ZH_HANT -> List.of(ReplyLanguage.ZH_HANT, ReplyLanguage.ZH_HANS);
            case ZH_HANS -> List.of(ReplyLanguage.ZH_HANS, ReplyLanguage.ZH_HANT);
            case EN -> List.of(ReplyLanguage.EN);
        };
        for (ReplyLanguage wanted : preference) {
            for (ArticleView candidate : topic) {
                if (language(candidate) == wanted) {
                    return candidate;
                }
            }
        }
        return article;
    }

    /** The id without its language suffix. */
    static String stem(String id) {
        return LANGUAGE_SUFFIX.matcher(id).replaceFirst("").toLowerCase(Locale.ROOT);
    }

    private static ReplyLanguage language(ArticleView article) {
        return ReplyLanguage.of(article.language());
    }

    /** The unpaired article of another language that shares most tags or means the same, or -1 when none is close. */
    private static int closestInOtherLanguage(int i, List<Integer> candidates, List<ArticleView> articles,
                                              List<float[]> titleVectors) {
        int best = -1;
        double bestScore = 0;
        for (int j : candidates) {
            if (j == i || language(articles.get(j)) == language(articles.get(i))) {
                continue;
            }
            double tags = tagOverlap(articles.get(i), articles.get(j));
            double meaning = KnowledgeIndex.cosine(titleVectors.get(i), titleVectors.get(j));
            double score = tags >= SHARED_TAGS ? 1 + tags : meaning >= SAME_MEANING ? meaning : 0;
            if (score > bestScore) {
                bestScore = score;
                best = j;
            }
        }
        return best;
    }

    private static double tagOverlap(ArticleView a, ArticleView b) {
        Set<String> tagsA = new HashSet<>(a.tags().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
        Set<String> tagsB = new HashSet<>(b.tags().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
        if (tagsA.isEmpty() || tagsB.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(tagsA);
        shared.retainAll(tagsB);
        return (double) shared.size() / Math.min(tagsA.size(), tagsB.size());
    }
}
