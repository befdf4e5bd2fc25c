package io.casedesk.responder.service;

import io.casedesk.responder.client.CaseView;
import io.casedesk.responder.service.knowledge.SearchTerms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which of the writer's own cases a message is about:
 * <ol>
 *   <li>the cases it names by number; a number that is not the writer's is "not found", never looked up;</li>
 *   <li>else the cases it names by what they are about ("繼承登記" finds the estate case whose next step is the
 *   land-office registration, "the trademark" the trademark case): the cases that share the most words with the
 *   message, among words not every one of the writer's cases has;</li>
 *   <li>else the open cases; else, when all are closed (or the message asks about a closed one), the closed ones,
 *   so that a client whose matter has ended is told how it ended.</li>
 * </ol>
 */
final class CaseSelection {

    /** Words that ask about a case that has ended ("已結案", "was closed", "returned my documents"). */
    private static final Pattern ASKS_ABOUT_CLOSED = Pattern.compile(
            "已結案|已结案|結案了|结案了|結案的|结案的|已經結束|已经结束|辦完了|办完了|之前的案|以前的案|上次的案|上一個案|上一个案|"
                    + "歸還|归还|還給我|还给我|退還|退还|拿回|"
                    + "\\b(?:was|is|been|got) (?:closed|finished|completed|over)\\b|\\bclosed (?:case|matter|file)\\b|"
                    + "\\b(?:previous|old|earlier|last|former) (?:case|matter|file)\\b|\\breturn(?:ed)? (?:my|the|our)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Words of every status question; they name no particular case. */
    private static final Set<String> GENERIC = Set.copyOf(SearchTerms.of(
            "案件 案子 進度 進展 目前 狀態 律師 處理 下一步 事情 case cases status update progress lawyer matter news "
                    + "費用 费用 欠 欠款 繳 缴 付 付款 錢 钱 多少 fee fees owe pay payment invoice bill balance due amount"));

    /**
     * @param cases         the cases to answer about, open ones first
     * @param unknownNumber a case number the message names that is not one of the writer's, or {@code null}
     */
    record Selection(List<CaseView> cases, String unknownNumber) {
    }

    private CaseSelection() {
    }

    static Selection select(String text, List<CaseView> own) {
        return select(text, own, false);
    }

    /**
     * @param aboutFees a question about fees: when it names no case, the closed cases that still have a fee due are
     *                  answered about as well as the open ones
     */
    static Selection select(String text, List<CaseView> own, boolean aboutFees) {
        String message = text == null ? "" : text;
        Set<String> numbers = mentionedNumbers(message);
        if (!numbers.isEmpty()) {
            List<CaseView> named = own.stream().filter(c -> numbers.contains(c.number().toUpperCase(Locale.ROOT))).toList();
            String unknown = numbers.stream().filter(n -> named.stream().noneMatch(c -> c.number().equalsIgnoreCase(n)))
                    .findFirst().orElse(null);
            return new Selection(named, unknown);
        }
        List<CaseView> byTopic = byTopic(message, own);
        if (!byTopic.isEmpty()) {
            return new Selection(byTopic, null);
        }
        List<CaseView> open = own.stream().filter(CaseView::open).toList();
        List<CaseView> closed = own.stream().filter(c -> !c.open()).toList();
        if (open.isEmpty() || (!closed.isEmpty() && ASKS_ABOUT_CLOSED.matcher(message).find())) {
            return new Selection(closed, null);
        }
        if (aboutFees) {
            List<CaseView> withFees = new ArrayList<>(open);
            closed.stream().filter(CaseView::feeDue).forEach(withFees::add);
            return new Selection(withFees, null);
        }
        return new Selection(open, null);
    }

    static Set<String> mentionedNumbers(String text) {
        return CaseNumbers.in(text);
    }

    /** The cases sharing the most words with the message, counting only words that set a case apart. */
    private static List<CaseView> byTopic(String message, List<CaseView> own) {
        if (own.size() < 2) {
            return List.of();
        }
        Set<String> asked = new HashSet<>(SearchTerms.of(message));
        asked.removeAll(GENERIC);
        Map<CaseView, Set<String>> termsByCase = new HashMap<>();
        Map<String, Integer> casesWithTerm = new HashMap<>();
        for (CaseView c : own) {
            Set<String> terms = new HashSet<>(SearchTerms.of(describe(c)));
            termsByCase.put(c, terms);
            terms.forEach(t -> casesWithTerm.merge(t, 1, Integer::sum));
        }
        int best = 0;
        List<CaseView> chosen = new ArrayList<>();
        for (CaseView c : own) {
            int shared = 0;
            for (String term : termsByCase.get(c)) {
                if (asked.contains(term) && casesWithTerm.get(term) < own.size()) {
                    shared++;
                }
            }
            if (shared > best) {
                best = shared;
                chosen.clear();
            }
            if (shared == best && shared > 0) {
                chosen.add(c);
            }
        }
        return chosen;
    }

    private static String describe(CaseView c) {
        StringBuilder text = new StringBuilder();
        for (String part : new String[]{c.title(), c.type() == null ? null : c.type().replace('_', ' '), c.stage(),
                c.nextStep() == null ? null : c.nextStep().description(), c.outcome()}) {
            if (part != null) {
                text.append(part).append('\n');
            }
        }
        return text.toString();
    }
}
