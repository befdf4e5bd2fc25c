package io.casedesk.responder.service;

import io.casedesk.responder.client.CustomerView;

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

    private static final String MATTER_ZH = "(?:案件|案子|官司|訴訟|诉讼|進度|进度|開庭|开庭|費用|费用)";

    private static final Pattern RELATIVE_ZH = Pattern.compile(
            "(?:我|幫|帮|替)(?:的)?(?:太太|老婆|妻子|先生|老公|丈夫|爸爸|爸|媽媽|妈妈|媽|妈|父親|父亲|母親|母亲|兒子|儿子|"
                    + "女兒|女儿|朋友|同事|老闆|老板|哥哥|姊姊|姐姐|弟弟|妹妹|哥|姊|姐|弟|妹|家人|親戚|亲戚|客戶|客户)的?\\p{IsHan}{0,4}?" + MATTER_ZH);

    private static final Pattern OTHERS_ZH = Pattern.compile(
            "(?:他|她|別人|别人|其他人|其他客戶|其他客户|另一位|另一個人|另一个人)的" + MATTER_ZH);

    /** A name (surname first) or surname plus title, then "的" and a matter: 王怡君的案件, 王小姐的官司. */
    private static final Pattern NAMED_ZH = Pattern.compile(
            "(\\p{IsHan}{1,3}?)(先生|小姐|女士|太太)?的" + MATTER_ZH);

    private static final Pattern RELATIVE_EN = Pattern.compile(
            "\\b(?:my|our)\\s+(?:wife|husband|spouse|partner|mother|mom|mum|father|dad|son|daughter|brother|sister|"
                    + "friend|colleague|boss|client|relative|parents?|neighbou?r)(?:'s|s'|s)?\\s+(?:case|matter|file|hearing|"
                    + "lawsuit|fees?)\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern OTHERS_EN = Pattern.compile(
            "\\b(?:someone|somebody|anyone|another (?:client|customer|person)|other (?:clients|customers|people))"
                    + "(?:'s)?(?:\\s+else'?s?)?\\s+(?:case|matter|file)", Pattern.CASE_INSENSITIVE);

    /** "Ms. Wang's case", "the case of Mr. Lee". */
    private static final Pattern NAMED_EN = Pattern.compile(
            "\\b(?:mr|ms|mrs|miss|dr)\\.?\\s+([A-Z][a-z]+)(?:'s\\s+(?:case|matter|file)|\\b)", Pattern.CASE_INSENSITIVE);

    private static final String SURNAMES = "陳陈林黃黄張张李王吳吴劉刘蔡楊杨許许鄭郑謝谢洪郭邱曾廖賴赖徐周葉叶蘇苏莊庄呂吕江何"
            + "蕭萧羅罗高潘簡简朱鍾钟游彭詹胡施沈余盧卢梁趙赵顏颜柯翁魏孫孙戴范方宋鄧邓杜傅侯曹薛丁卓阮馬马董溫温唐藍蓝"
            + "石蔣蒋古紀纪姚連连馮冯歐欧程湯汤田康姜白汪鄒邹尤巫鐘黎涂龔龚嚴严韓韩袁金童陸陆夏柳凃邵";

    private ThirdPartyRequests() {
    }

    static boolean asksAboutSomeoneElse(String text, Optional<CustomerView> writer) {
        if (text == null || text.isBlank()) {
            return false;
        }
        if (RELATIVE_ZH.matcher(text).find() || OTHERS_ZH.matcher(text).find()
                || RELATIVE_EN.matcher(text).find() || OTHERS_EN.matcher(text).find()) {
            return true;
        }
        String ownName = writer.map(CustomerView::name).orElse("");
        Matcher named = NAMED_ZH.matcher(text);
        while (named.find()) {
            String name = named.group(1);
            // Only a surname-initial run is a person ("目前的進度" is not); the writer's own name is not someone else.
            int start = startOfName(name);
            if (start >= 0 && name.indexOf('律') < 0) { // 林律師 is the writer's lawyer, not another client
                String person = name.substring(start);
                if (!ownName.startsWith(person.substring(0, 1)) || (person.length() > 1 && !ownName.startsWith(person))) {
                    return true;
                }
            }
        }
        Matcher namedEn = NAMED_EN.matcher(text);
        while (namedEn.find()) {
            String surname = namedEn.group(1).toLowerCase(Locale.ROOT);
            boolean own = writer.map(w -> w.salutation().values().stream()
                    .anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(surname))).orElse(false);
            if (!own) {
                return true;
            }
        }
        return false;
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
