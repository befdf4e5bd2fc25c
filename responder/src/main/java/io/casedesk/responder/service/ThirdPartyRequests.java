package io.casedesk.responder.service;

import io.casedesk.responder.client.CaseView;
import io.casedesk.responder.client.CustomerView;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a question about somebody else's case ("我太太的案件", "王小姐的官司進度", "my wife's case"). Such a
 * question gets the privacy answer before any engine runs: the engine only ever holds the writer's own cases, so
 * it could not leak another's anyway, but answering with the writer's own case instead would confuse.
 */
final class ThirdPartyRequests {

    private static final String MATTER_ZH = "(?:案件|案子|官司|訴訟|诉讼|進度|进度|進展|进展|開庭|开庭|費用|费用|和解|調解|调解|判決|判决|"
            + "狀況|状况|情況|情况|結果|结果|離婚|离婚|合約|合约|契約|契约|委任|欠款|賠償|赔偿|遺產|遗产|繼承|继承|車禍|车祸|債務|债务|"
            + "租約|租约|哪一步)";

    /** What may stand between a person and the matter asked about, within one sentence: "我朋友那件車禍的和解". */
    private static final String SAME_SENTENCE_ZH = "[^。！？!?\\n]{0,12}?";

    /** Relatives and others a writer may ask for; an ex-spouse's case is never the writer's own. */
    private static final String RELATIONS_ZH = "前夫|前妻|前男友|前女友|男朋友|女朋友|男友|女友|未婚夫|未婚妻|太太|老婆|妻子|先生|老公|丈夫|"
            + "爸爸|媽媽|妈妈|父親|父亲|母親|母亲|兒子|儿子|女兒|女儿|公公|婆婆|岳父|岳母|叔叔|阿姨|舅舅|姑姑|表哥|表姊|表姐|表弟|表妹|"
            + "堂哥|堂姊|堂姐|堂弟|堂妹|哥哥|姊姊|姐姐|弟弟|妹妹|朋友|同學|同学|同事|室友|鄰居|邻居|老闆|老板|合夥人|合伙人|家人|親戚|亲戚|"
            + "客戶|客户|爸|媽|妈|哥|姊|姐|弟|妹";

    private static final Pattern RELATIVE_ZH = Pattern.compile(
            "(?:我|幫|帮|替)(?:的)?(" + RELATIONS_ZH + ")" + SAME_SENTENCE_ZH + MATTER_ZH);

    private static final Pattern OTHERS_ZH = Pattern.compile(
            "(?:他|她|別人|别人|其他人|其他客戶|其他客户|另一位|另一個人|另一个人)的" + SAME_SENTENCE_ZH + MATTER_ZH);

    /** A surname with a title, then the matter in the same sentence: 王小姐那件離婚案, 李先生的開庭. */
    private static final Pattern TITLED_ZH = Pattern.compile(
            "(\\p{IsHan})(?:先生|小姐|女士|太太)" + SAME_SENTENCE_ZH + MATTER_ZH);

    /**
     * The words in the writer's own cases that show a relative's matter is theirs: the estate of "亡夫" is the widow's own
     * case when she asks about "我先生的遺產", her father's estate when she asks about "我爸的遺產".
     */
    private static final java.util.Map<String, List<String>> OWN_MATTER_ROOTS = rootsByRelation();

    private static final String MATTER_EN = "(?:case|matter|file|hearing|lawsuit|suit|fees?|invoice|mediation|settlement|"
            + "divorce|trial|appeal|claim|dispute|custody|contract|status|progress)";

    private static final String RELATIONS_EN = "ex-husband|ex-wife|ex|wife|husband|spouse|partner|mother|mom|mum|father|dad|son|"
            + "daughter|brother|sister|friend|colleague|boss|client|relative|parents?|neighbou?r|boyfriend|girlfriend|fianc[ée]e?|"
            + "roommate|cousin|uncle|aunt|business partner";

    /** "my friend's mediation", "my ex-husband's custody case", "the case of my brother". */
    private static final Pattern RELATIVE_EN = Pattern.compile(
            "\\b(?:my|our)\\s+(?:late\\s+)?(" + RELATIONS_EN + ")(?:['’]s|s['’]|s)?\\s+(?:\\w+\\s+){0,2}?" + MATTER_EN + "\\b"
                    + "|\\b" + MATTER_EN + "\\s+(?:of|for)\\s+my\\s+(?:late\\s+)?(" + RELATIONS_EN + ")\\b", Pattern.CASE_INSENSITIVE);

    /** "his supplier dispute", "her hearing": whose it is, the message says elsewhere ({@link #RELATION_NAMED_EN}). */
    private static final Pattern PRONOUN_MATTER_EN = Pattern.compile(
            "\\b(?:his|her)\\s+(?:\\w+\\s+){0,2}?" + MATTER_EN + "\\b", Pattern.CASE_INSENSITIVE);

    /** "my business partner", "our neighbour": a person the writer names by how they know them. */
    private static final Pattern RELATION_NAMED_EN = Pattern.compile(
            "\\b(?:my|our)\\s+(?:late\\s+)?(" + RELATIONS_EN + ")\\b", Pattern.CASE_INSENSITIVE);

    /** A name (surname first) or surname plus title, then "的" and a matter: 王怡君的案件, 王小姐的官司. */
    private static final Pattern NAMED_ZH = Pattern.compile(
            "(\\p{IsHan}{1,3}?)(先生|小姐|女士|太太)?的" + SAME_SENTENCE_ZH + MATTER_ZH);

    private static final Pattern OTHERS_EN = Pattern.compile(
            "\\b(?:someone|somebody|anyone|another (?:client|customer|person)|other (?:clients|customers|people))"
                    + "(?:'s)?(?:\\s+else'?s?)?\\s+(?:case|matter|file)", Pattern.CASE_INSENSITIVE);

    /** "Ms. Wang's case", "the case of Mr. Lee". */
    private static final Pattern NAMED_EN = Pattern.compile(
            "\\b(?:mr|ms|mrs|miss|dr)\\.?\\s+([A-Z][a-z]+)(?:'s\\s+(?:case|matter|file)|\\b)", Pattern.CASE_INSENSITIVE);

    /** A capitalised name with "'s" and a matter: "Peter Lin's case", "Amy's hearing". */
    private static final Pattern POSSESSIVE_NAME_EN = Pattern.compile(
            "\\b([A-Z][a-z]+(?:\\s+[A-Z][a-z]+)?)['’]s\\s+(?:\\w+\\s+)?(?:case|matter|file|hearing|lawsuit|divorce|"
                    + "contract|fees?|mediation|trial|appeal)\\b");

    /** Capitalised words with "'s" that are no person: "Taiwan's mediation", "the Court's ruling". */
    private static final java.util.Set<String> NOT_PEOPLE = java.util.Set.of("taiwan", "taipei", "kaohsiung", "taichung",
            "tainan", "hsinchu", "china", "hong", "court", "firm", "company", "today", "tomorrow", "yesterday", "everyone",
            "anyone", "somebody", "someone", "it", "that", "this", "the", "my", "our", "your", "last", "next");

    private static final String SURNAMES = "陳陈林黃黄張张李王吳吴劉刘蔡楊杨許许鄭郑謝谢洪郭邱曾廖賴赖徐周葉叶蘇苏莊庄呂吕江何"
            + "蕭萧羅罗高潘簡简朱鍾钟游彭詹胡施沈余盧卢梁趙赵顏颜柯翁魏孫孙戴范方宋鄧邓杜傅侯曹薛丁卓阮馬马董溫温唐藍蓝"
            + "石蔣蒋古紀纪姚連连馮冯歐欧程湯汤田康姜白汪鄒邹尤巫鐘黎涂龔龚嚴严韓韩袁金童陸陆夏柳凃邵";

    private ThirdPartyRequests() {
    }

    static boolean asksAboutSomeoneElse(String text, Optional<CustomerView> writer) {
        return asksAboutSomeoneElse(text, writer, List.of());
    }

    /**
     * @param ownCases the writer's cases: a relative's matter that one of them is about ("亡夫遺產") is the writer's own
     */
    static boolean asksAboutSomeoneElse(String text, Optional<CustomerView> writer, List<CaseView> ownCases) {
        if (text == null || text.isBlank()) {
            return false;
        }
        if (OTHERS_ZH.matcher(text).find() || OTHERS_EN.matcher(text).find()) {
            return true;
        }
        String ownMatters = ownCases.stream().map(c -> c.title() + " " + (c.stage() == null ? "" : c.stage()))
                .reduce("", (a, b) -> a + " " + b).toLowerCase(Locale.ROOT);
        Matcher relative = RELATIVE_ZH.matcher(text);
        while (relative.find()) {
            if (!theirOwnMatter(relative.group(1), ownMatters)) {
                return true;
            }
        }
        Matcher relativeEn = RELATIVE_EN.matcher(text);
        while (relativeEn.find()) {
            String relation = relativeEn.group(1) != null ? relativeEn.group(1) : relativeEn.group(2);
            if (!theirOwnMatter(relation.toLowerCase(Locale.ROOT), ownMatters)) {
                return true;
            }
        }
        // "David Miller is my business partner. How is his dispute going?": a matter of the person the writer named.
        if (PRONOUN_MATTER_EN.matcher(text).find()) {
            Matcher named = RELATION_NAMED_EN.matcher(text);
            while (named.find()) {
                if (!theirOwnMatter(named.group(1).toLowerCase(Locale.ROOT), ownMatters)) {
                    return true;
                }
            }
        }
        String ownName = writer.map(CustomerView::name).orElse("");
        Matcher titled = TITLED_ZH.matcher(text);
        while (titled.find()) {
            char surname = titled.group(1).charAt(0);
            if (isSurname(surname) && !ownName.startsWith(String.valueOf(surname))) {
                return true;
            }
        }
        Matcher named = NAMED_ZH.matcher(text);
        while (named.find()) {
            String name = named.group(1);
            // Only a run that starts with a surname is a person ("目前的進度", "對方的律師" are not); the writer's own name
            // is not someone else.
            int start = startOfName(name);
            if (start == 0 && name.indexOf('律') < 0) { // 林律師 is the writer's lawyer, not another client
                String person = name.substring(start);
                if (!ownName.startsWith(person.substring(0, 1)) || (person.length() > 1 && !ownName.startsWith(person))) {
                    return true;
                }
            }
        }
        Matcher possessive = POSSESSIVE_NAME_EN.matcher(text);
        while (possessive.find()) {
            if (!NOT_PEOPLE.contains(possessive.group(1).split("\\s+")[0].toLowerCase(Locale.ROOT))
                    && !ownName(writer, possessive.group(1))) {
                return true;
            }
        }
        String lawyers = ownCases.stream().map(c -> c.assignee() == null ? "" : c.assignee())
                .reduce("", (a, b) -> a + " " + b).toLowerCase(Locale.ROOT);
        Matcher namedEn = NAMED_EN.matcher(text);
        while (namedEn.find()) {
            String surname = namedEn.group(1).toLowerCase(Locale.ROOT);
            boolean own = writer.map(w -> w.salutation().values().stream()
                    .anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(surname))).orElse(false);
            // "Dear Ms Huang," greets the reader, and the writer's own lawyer is no other client.
            boolean addressed = GREETED_EN.matcher(text.substring(0, namedEn.start())).find();
            if (!own && !addressed && !lawyers.contains(surname)) {
                return true;
            }
        }
        return false;
    }

    /** A greeting right before a name: the name is the reader's ("Dear Ms Huang", "Hi Mr. Lee"). */
    private static final Pattern GREETED_EN = Pattern.compile(
            "\\b(?:dear|hi|hello|hey|good (?:morning|afternoon|evening)|attn:?|attention:?)[\\s,]*$", Pattern.CASE_INSENSITIVE);

    /** Whether one of the writer's own cases is about this relative ("亡夫" for 先生, "father" for dad). */
    private static boolean theirOwnMatter(String relation, String ownMatters) {
        for (String root : OWN_MATTER_ROOTS.getOrDefault(relation, List.of())) {
            if (ownMatters.contains(root)) {
                return true;
            }
        }
        return false;
    }

    private static java.util.Map<String, List<String>> rootsByRelation() {
        java.util.Map<String, List<String>> roots = new java.util.HashMap<>();
        for (String spouse : List.of("先生", "老公", "丈夫")) {
            roots.put(spouse, List.of("夫", "配偶"));
        }
        for (String spouse : List.of("太太", "老婆", "妻子")) {
            roots.put(spouse, List.of("妻", "配偶"));
        }
        for (String father : List.of("爸爸", "爸", "父親", "父亲")) {
            roots.put(father, List.of("父"));
        }
        for (String mother : List.of("媽媽", "妈妈", "媽", "妈", "母親", "母亲")) {
            roots.put(mother, List.of("母"));
        }
        for (String child : List.of("兒子", "儿子", "女兒", "女儿")) {
            roots.put(child, List.of("子女", "兒", "儿", "親權", "亲权", "扶養", "扶养", "監護", "监护", "會面", "会面"));
        }
        roots.put("husband", List.of("husband", "spouse"));
        roots.put("wife", List.of("wife", "spouse"));
        roots.put("spouse", List.of("husband", "wife", "spouse"));
        roots.put("father", List.of("father"));
        roots.put("dad", List.of("father"));
        roots.put("mother", List.of("mother"));
        roots.put("mom", List.of("mother"));
        roots.put("mum", List.of("mother"));
        roots.put("son", List.of("child", "son", "custody"));
        roots.put("daughter", List.of("child", "daughter", "custody"));
        return java.util.Map.copyOf(roots);
    }

    /** Whether a name written in English is the writer's own (any word of it in their name or salutations). */
    private static boolean ownName(Optional<CustomerView> writer, String name) {
        return writer.map(w -> {
            String known = (w.name() + " " + String.join(" ", w.salutation().values())).toLowerCase(Locale.ROOT);
            for (String word : name.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (known.contains(word)) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }

    /** Whether a Han character is one of the common Chinese surnames. */
    static boolean isSurname(char c) {
        return SURNAMES.indexOf(c) >= 0;
    }

    /** Where a surname starts in the run of Han characters before "的", or -1 when none does. */
    private static int startOfName(String run) {
        for (int i = 0; i < run.length(); i++) {
            if (SURNAMES.indexOf(run.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
