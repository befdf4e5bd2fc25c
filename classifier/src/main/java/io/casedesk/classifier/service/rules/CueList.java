package io.casedesk.classifier.service.rules;

import java.util.Arrays;
import java.util.List;

/** A named group of {@link Cue}s that point to the same label. */
record CueList(String name, List<Cue> cues) {

    private static final String REGEX_PREFIX = "re:";

    /** Entries are phrases, or regular expressions when they start with {@value #REGEX_PREFIX}. */
    static CueList of(String name, String... entries) {
        return new CueList(name, Arrays.stream(entries)
                .map(entry -> entry.startsWith(REGEX_PREFIX) ? Cue.regex(entry.substring(REGEX_PREFIX.length()))
                        : Cue.phrase(entry))
                .toList());
    }

    /** How many different cues of the list occur in {@code preparedText}. */
    int count(String preparedText) {
        return (int) cues.stream().filter(cue -> cue.foundIn(preparedText)).count();
    }

    boolean foundIn(String preparedText) {
        return cues.stream().anyMatch(cue -> cue.foundIn(preparedText));
    }
}
