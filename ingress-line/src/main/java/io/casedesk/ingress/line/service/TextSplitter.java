package io.casedesk.ingress.line.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits texts into LINE's limits: a text message holds at most 5,000 UTF-16 units and one request at most five
 * messages. A longer text is split at the last sentence end (。！？ always; . ! ? before a space) or newline that
 * fits, else at the limit (never inside a surrogate pair). What does not fit into five messages is cut off,
 * the fifth message then ending with "…".
 */
public final class TextSplitter {

    public static final int MAX_UNITS = 5_000;
    public static final int MAX_MESSAGES = 5;
    private static final String ELLIPSIS = "…";

    /** @param truncated whether text was cut off to stay within five messages */
    public record Split(List<String> texts, boolean truncated) {
    }

    public static Split split(List<String> texts) {
        List<String> parts = new ArrayList<>();
        for (String text : texts) {
            splitOne(text, parts);
        }
        if (parts.size() <= MAX_MESSAGES) {
            return new Split(List.copyOf(parts), false);
        }
        List<String> kept = new ArrayList<>(parts.subList(0, MAX_MESSAGES));
        String last = kept.get(MAX_MESSAGES - 1);
        if (last.length() + ELLIPSIS.length() > MAX_UNITS) {
            last = last.substring(0, safeCut(last, MAX_UNITS - ELLIPSIS.length()));
        }
        kept.set(MAX_MESSAGES - 1, last + ELLIPSIS);
        return new Split(List.copyOf(kept), true);
    }

    private static void splitOne(String text, List<String> parts) {
        String rest = text;
        while (rest.length() > MAX_UNITS) {
            int cut = sentenceCut(rest);
            parts.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        parts.add(rest);
    }

    /** Where the first part of {@code text} (longer than the limit) ends: after the last boundary that fits. */
    private static int sentenceCut(String text) {
        for (int i = MAX_UNITS - 1; i > 0; i--) {
            char c = text.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '\n') {
                return i + 1;
            }
            // ASCII marks end a sentence only before white space ("3.5" stays whole); the space stays with the first part.
            if ((c == '.' || c == '!' || c == '?') && i + 2 <= MAX_UNITS && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 2;
            }
        }
        return safeCut(text, MAX_UNITS);
    }

    /** {@code limit}, or one less when that would split a surrogate pair. */
    private static int safeCut(String text, int limit) {
        return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }

    private TextSplitter() {
    }
}
