package io.casedesk.responder.service.knowledge;

import com.ibm.icu.text.Transliterator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The terms of a text as the knowledge base is searched by: Chinese cut into words (Lucene's smartcn segmenter, after
 * Traditional is folded onto Simplified, so either script finds the other: "停車" and "停车" are one word), English
 * words stemmed ("keeps", "keeping" and "keep" are one term), a long Chinese word's character pairs as well, full-width
 * forms folded to half-width, punctuation and
 * the words every question has ("please", "what", "請問", "你們") left out, and the words of one meaning that customers
 * and articles use for the same thing ("營業時間" and "服務時間", "money back" and "refund") found for each other
 * (Lucene's synonym filter, with the groups of {@code knowledge/synonyms.txt}).
 */
public final class SearchTerms {

    /** Chinese words (Simplified, as the segmenter sees them) that say nothing about a topic. */
    private static final List<String> CHINESE_STOP_WORDS = List.of("请问", "你们", "我们", "我", "你", "您", "的", "了",
            "吗", "呢", "吧", "啊", "是", "有", "在", "要", "会", "能", "可以", "什么", "怎么", "怎样", "如何", "哪里", "哪", "一下",
            "请", "想", "问", "知道", "谢谢", "您好", "你好", "这个", "那个", "如果", "还是", "是否", "和", "与", "或", "也", "都",
            "就", "还", "很", "吗？", "多少", "多久", "时候", "现在", "需要", "一个", "没有", "不", "么", "到", "给", "让", "对");
    private static final List<String> ENGLISH_STOP_WORDS = List.of("please", "what", "how", "when", "where", "which",
            "who", "why", "can", "could", "would", "should", "do", "does", "did", "i", "me", "my", "mine", "you", "your",
            "we", "our", "us", "hi", "hello", "dear", "thanks", "thank", "is", "am", "are", "was", "were", "have", "has",
            "had", "get", "got", "need", "want", "know", "tell", "let", "any", "some", "about", "there", "here", "just",
            "ok", "okay", "pls", "also", "much", "many", "long", "like");

    private static final CharArraySet STOP_WORDS;

    /**
     * Words kept whole, since their stem is another common word's: "severance" and "several" (and "severe") all stem
     * to "sever", so "split into several payments" found the severance-pay synonyms.
     */
    private static final CharArraySet UNSTEMMED = CharArraySet.unmodifiableSet(
            new CharArraySet(List.of("severance"), false));

    static {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        stop.addAll(ENGLISH_STOP_WORDS);
        stop.addAll(CHINESE_STOP_WORDS);
        STOP_WORDS = CharArraySet.unmodifiableSet(stop);
    }

    /** Cuts Chinese into words and English into words; punctuation is dropped. */
    private static final Analyzer WORDS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new HMMChineseTokenizer();
            return new TokenStreamComponents(source, words(source));
        }
    };

    /** Words of one meaning (knowledge/synonyms.txt), cut into words as texts are. */
    private static final SynonymMap SYNONYMS = synonyms();

    /** The words, and for a word or phrase of a synonym group the group's others at its place. */
    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new HMMChineseTokenizer();
            return new TokenStreamComponents(source, new SynonymGraphFilter(words(source), SYNONYMS, true));
        }
    };

    private static TokenStream words(Tokenizer source) {
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new EnglishPossessiveFilter(stream);
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new SetKeywordMarkerFilter(stream, UNSTEMMED);
        return new PorterStemFilter(stream);
    }

    private static SynonymMap synonyms() {
        try (InputStream in = SearchTerms.class.getResourceAsStream("/knowledge/synonyms.txt")) {
            if (in == null) {
                throw new IllegalStateException("knowledge/synonyms.txt is missing from the responder's resources");
            }
            SolrSynonymParser parser = new SolrSynonymParser(true, true, WORDS);
            parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parser.build();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("Cannot read knowledge/synonyms.txt", e);
        }
    }

    /** A Transliterator is not safe to share across threads. */
    private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

    private SearchTerms() {
    }

    /**
     * A Chinese word of three or more characters also gives its pairs of characters: the segmenter keeps "分期付款"
     * whole, while an article says "分期方式" and "付款".
     */
    private static void addPairs(String word, List<String> terms) {
        if (word.length() < 3 || !word.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return;
        }
        for (int i = 0; i + 2 <= word.length(); i++) {
            terms.add(word.substring(i, i + 2));
        }
    }

    /** The text's terms in order, repeated as often as they occur. */
    public static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        // The segmenter's dictionary is Simplified Chinese: fold first, then cut.
        String simplified = TO_SIMPLIFIED.get().transliterate(text);
        try (TokenStream stream = ANALYZER.tokenStream("text", simplified)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = term.toString();
                if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    terms.add(word);
                    addPairs(word, terms);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot analyse a text held in memory", e);
        }
        return terms;
    }
}
