package io.casedesk.responder.service;

import io.casedesk.responder.service.knowledge.KnowledgeIndex;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The local engine's wording in one language, read once from {@code phrases/<language>.properties} (UTF-8). A
 * missing sentence fails at start-up, not in front of a customer.
 */
public final class Phrasebook {

    private static final Map<ReplyLanguage, Phrasebook> BOOKS = new EnumMap<>(ReplyLanguage.class);

    static {
        for (ReplyLanguage language : ReplyLanguage.values()) {
            BOOKS.put(language, load(language));
        }
    }

    private final ReplyLanguage language;
    private final Map<Phrase, String> phrases;
    private final Properties all;

    private Phrasebook(ReplyLanguage language, Map<Phrase, String> phrases, Properties all) {
        this.language = language;
        this.phrases = phrases;
        this.all = all;
    }

    public static Phrasebook of(ReplyLanguage language) {
        return BOOKS.get(language);
    }

    public String get(Phrase phrase) {
        return phrases.get(phrase);
    }

    /**
     * "This may help:" before a knowledge-base article; for one the firm wrote only in the other language, the
     * sentence that says so and offers a colleague to explain it (the article is quoted as written: a machine
     * translation could change what the firm says).
     */
    public String introductionTo(KnowledgeIndex.Answer article) {
        return get(article.inTheOtherLanguageFor(language) ? Phrase.ARTICLE_INTRO_OTHER_LANGUAGE : Phrase.ARTICLE_INTRO);
    }

    /** The customer-facing name of a case status ({@code awaiting_court} → "等待法院程序"). */
    String statusLabel(String status) {
        return all.getProperty("status." + status, status);
    }

    private static Phrasebook load(ReplyLanguage language) {
        String resource = "phrases/" + language.tag() + ".properties";
        Properties properties = new Properties();
        try (InputStream in = Phrasebook.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        Map<Phrase, String> phrases = new EnumMap<>(Phrase.class);
        for (Phrase phrase : Phrase.values()) {
            String text = properties.getProperty(phrase.key);
            if (text == null || text.isBlank()) {
                throw new IllegalStateException(resource + " has no '" + phrase.key + "'");
            }
            phrases.put(phrase, text);
        }
        return new Phrasebook(language, phrases, properties);
    }
}
