package io.casedesk.handoff.support;

import io.casedesk.infra.test.CaseServiceStandIn;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Answers the case-service calls handoff makes: two known LINE users (C-1001 and C-1003, a VIP), C-1001's email
 * address, their cases, and the firm with its service hours. A user whose id starts with {@code Ufail} gets 503,
 * as an unavailable case-service would answer; anything else is 404. Knowledge-base articles handoff publishes
 * ({@code PUT /articles/{id}}) are recorded in {@link #articles} and answered 201, or with the problem a test sets
 * in {@link #articleRefusal}.
 */
public class HandoffCaseServiceStandIn extends CaseServiceStandIn {

    public static final String VIP_LINE_USER = "Ud00b7cb4712c0c8fa9491be21ac157df";
    public static final String FAILING_PREFIX = "Ufail";

    /** The firm's Traditional Chinese out-of-hours text; a test changes it as an import of another firm would. */
    public static volatile String outOfHoursTextZhHant = "目前為非服務時間，我們將於下個服務時段回覆。";

    /** The languages the firm writes in; a test adds zh-Hans as an import of another firm would. */
    public static volatile List<String> firmLanguages = List.of("zh-Hant", "en");

    /** An article handoff published: its id and the JSON body as sent. */
    public record ReceivedArticle(String id, String body) {
    }

    /** The articles published, in order. */
    public static final List<ReceivedArticle> articles = new CopyOnWriteArrayList<>();

    /** When set, the next article is refused with this status and these problem details (and nothing recorded). */
    public static volatile Answer articleRefusal;

    public HandoffCaseServiceStandIn() {
        super("test-handoff-key");
    }

    @Override
    protected Answer answer(String method, String path, String body) {
        if (method.equals("PUT") && path.startsWith("/articles/")) {
            Answer refusal = articleRefusal;
            if (refusal != null) {
                articleRefusal = null;
                return refusal;
            }
            String id = path.substring("/articles/".length());
            articles.add(new ReceivedArticle(id, body));
            return new Answer(201, "{\"id\":\"" + id + "\"}");
        }
        return super.answer(method, path, body);
    }

    @Override
    protected Answer answer(String path) {
        if (path.startsWith("/identities/line/" + FAILING_PREFIX)) {
            return Answer.error(503);
        } else if (path.equals("/identities/line/" + KNOWN_LINE_USER)
                || path.equals("/identities/email/" + KNOWN_EMAIL)) {
            return Answer.json(KNOWN_CUSTOMER);
        } else if (path.equals("/identities/line/" + VIP_LINE_USER)) {
            return Answer.json("""
                    {"customerRef":"C-1003","name":"陳美玲","language":"zh-Hant","salutation":{},"vip":true,
                     "verified":true}""");
        } else if (path.equals("/customers/C-1001/cases")) {
            return Answer.json("[" + KNOWN_CASE + "]");
        } else if (path.equals("/customers/C-1003/cases")) {
            return Answer.json("[]");
        } else if (path.equals("/firm")) {
            return Answer.json("""
                    {"name":"明理法律事務所","timezone":"Asia/Taipei","languages":[%s],"tone":"",
                     "serviceHours":{"weekly":[
                        {"days":["MON","TUE","WED","THU","FRI"],"from":"09:00","to":"12:00"},
                        {"days":["MON","TUE","WED","THU","FRI"],"from":"10:00","to":"12:00"},
                        {"days":["MON","TUE","WED","THU","FRI"],"from":"13:00","to":"18:00"},
                        {"days":["MON","TUE","WED","THU","FRI"],"from":"15:00","to":"17:00"}],
                      "dated":[{"date":"2026-12-25","closed":true}]},
                     "outOfHoursText":{"zh-Hant":"%s",
                                       "en":"We are closed now and will reply in the next service period."}}"""
                    .formatted(firmLanguages.stream().map(l -> "\"" + l + "\"").collect(Collectors.joining(",")),
                            outOfHoursTextZhHant));
        }
        return Answer.error(404);
    }
}
