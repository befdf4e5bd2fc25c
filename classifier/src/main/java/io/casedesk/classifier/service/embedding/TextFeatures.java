package io.casedesk.classifier.service.embedding;

import io.casedesk.classifier.service.rules.LocalRulesTriageEngine;
import io.casedesk.classifier.service.rules.MessageMasker;

import java.util.Arrays;

/**
 * Hashed character and word n-grams of a whole message, next to its embedding: the embedding reads only the opening
 * of a long message, and a word that says what the writer wants ("退費", "投訴", "改期") counts wherever it stands.
 * Chinese gives its characters and pairs of adjacent characters (either script, folded onto one), English its words and
 * pairs of adjacent words; each n-gram counts once, and the vector has unit length before {@code weight} scales it.
 *
 * @param indices the hashed n-grams, ascending, without repeats
 * @param values  their values, all equal
 */
record TextFeatures(int[] indices, float[] values) {

    /** Hash buckets: collisions between the few thousand n-grams of the examples stay rare. */
    static final int BUCKETS = 1 << 15;

    static final TextFeatures NONE = new TextFeatures(new int[0], new float[0]);

    static TextFeatures of(String text, double weight) {
        if (weight == 0) {
            return NONE;
        }
        String prepared = LocalRulesTriageEngine.prepare(text);
        int[] hashes = new int[prepared.length() * 2 + 2];
        int count = 0;
        char previousHan = 0;
        String previousWord = null;
        int length = prepared.length();
        for (int i = 0; i < length; ) {
            int codePoint = prepared.codePointAt(i);
            if (Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN) {
                char han = prepared.charAt(i);
                hashes[count++] = bucket(31 * 'H' + han);
                if (previousHan != 0) {
                    hashes[count++] = bucket((31 * 'B' + previousHan) * 65_537 + han);
                }
                previousHan = han;
                previousWord = null;
                i += Character.charCount(codePoint);
            } else if (codePoint == '[' && placeholderEnd(prepared, i) > 0) {
                // A placeholder of MessageMasker ("[case]") is one token of its own, not the English word inside it.
                int end = placeholderEnd(prepared, i);
                hashes[count++] = bucket(("p " + prepared.substring(i + 1, end - 1)).hashCode());
                previousWord = null;
                previousHan = 0;
                i = end;
            } else if (codePoint >= 'a' && codePoint <= 'z') {
                int end = i;
                while (end < length && (prepared.charAt(end) >= 'a' && prepared.charAt(end) <= 'z' || prepared.charAt(end) == '\'')) {
                    end++;
                }
                String word = prepared.substring(i, end);
                hashes[count++] = bucket(("w " + word).hashCode());
                if (previousWord != null) {
                    hashes[count++] = bucket(("b " + previousWord + " " + word).hashCode());
                }
                previousWord = word;
                previousHan = 0;
                i = end;
            } else {
                // Spaces keep English word pairs together; anything else (punctuation, digits) ends a run.
                if (codePoint != ' ') {
                    previousWord = null;
                }
                previousHan = 0;
                i += Character.charCount(codePoint);
            }
        }
        int[] indices = Arrays.stream(hashes, 0, count).distinct().sorted().toArray();
        float[] values = new float[indices.length];
        Arrays.fill(values, indices.length == 0 ? 0 : (float) (weight / Math.sqrt(indices.length)));
        return new TextFeatures(indices, values);
    }

    /** The index after the {@code ]} of a placeholder starting at {@code start}, or -1. */
    private static int placeholderEnd(String text, int start) {
        int close = text.indexOf(']', start);
        return close > start + 1 && close - start <= 12 && MessageMasker.isPlaceholder(text.substring(start + 1, close))
                ? close + 1 : -1;
    }

    private static int bucket(int hash) {
        return Math.floorMod(hash * 0x9E3779B9, BUCKETS);
    }
}
