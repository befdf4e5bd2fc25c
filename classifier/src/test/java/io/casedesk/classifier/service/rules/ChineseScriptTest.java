package io.casedesk.classifier.service.rules;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the hand-written character table against ICU's Traditional/Simplified transforms. */
class ChineseScriptTest {

    private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Hant-Hans");
    private static final Transliterator TO_TRADITIONAL = Transliterator.getInstance("Hans-Hant");

    @Test
    void foldingAgreesWithIcu() {
        List<String> disagreements = new ArrayList<>();
        for (char c = '\u3400'; c <= '\u9fff'; c++) {
            String character = String.valueOf(c);
            String folded = ChineseScript.foldToSimplified(character);
            if (!folded.equals(character)
                    && !ChineseScript.foldToSimplified(TO_SIMPLIFIED.transliterate(character)).equals(folded)) {
                disagreements.add(character + "->" + folded);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void telltaleCharactersBelongToTheirScript() {
        for (char c = '\u3400'; c <= '\u9fff'; c++) {
            String character = String.valueOf(c);
            if (ChineseScript.isTraditionalOnly(c)) {
                assertThat(TO_SIMPLIFIED.transliterate(character)).as("traditional %s", character).isNotEqualTo(character);
            }
            if (ChineseScript.isSimplifiedOnly(c)) {
                assertThat(TO_TRADITIONAL.transliterate(character)).as("simplified %s", character).isNotEqualTo(character);
            }
        }
    }

    /** A lexicon entry with a Traditional character missing from the table would not match Simplified text. */
    @Test
    void everyLexiconEntryIsFullyFolded() throws IllegalAccessException {
        List<String> unfolded = new ArrayList<>();
        for (CueList list : lexicon()) {
            for (Cue cue : list.cues()) {
                String prepared = cue.toString();
                if (!ChineseScript.foldToSimplified(TO_SIMPLIFIED.transliterate(prepared)).equals(prepared)) {
                    unfolded.add(list.name() + ": " + prepared + " (ICU: " + TO_SIMPLIFIED.transliterate(prepared) + ")");
                }
            }
        }
        assertThat(unfolded).isEmpty();
    }

    private static List<CueList> lexicon() throws IllegalAccessException {
        List<CueList> lists = new ArrayList<>();
        for (Field field : TriageLexicon.class.getDeclaredFields()) {
            Object value = field.get(null);
            if (value instanceof CueList list) {
                lists.add(list);
            } else if (value instanceof TriageLexicon.IntentCues cues) {
                lists.add(cues.strong());
                lists.add(cues.weak());
            } else if (value instanceof List<?> topics) {
                topics.stream().map(TriageLexicon.IntentCues.class::cast)
                        .forEach(cues -> lists.addAll(List.of(cues.strong(), cues.weak())));
            }
        }
        return lists;
    }
}
