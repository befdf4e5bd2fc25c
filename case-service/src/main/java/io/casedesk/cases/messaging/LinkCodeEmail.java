package io.casedesk.cases.messaging;

import io.casedesk.schema.AnswerKind;
import io.casedesk.schema.OutboundEmailMessage;

import java.time.Duration;

/** The email that carries a one-time link code to a customer's registered address, in the customer's language. */
public final class LinkCodeEmail {

    private LinkCodeEmail() {
    }

    public static OutboundEmailMessage of(String mailbox, String to, String language, String code, Duration validity) {
        long minutes = validity.toMinutes();
        String lang = language == null ? "" : language;
        String subject;
        String text;
        if (lang.startsWith("zh-Hans") || lang.equals("zh-CN")) {
            subject = "您的验证码";
            text = "您的验证码是 " + code + "，" + minutes + " 分钟内有效。\n如果不是您本人申请，请忽略此邮件，不要把验证码告诉任何人。";
        } else if (lang.startsWith("zh")) {
            subject = "您的驗證碼";
            text = "您的驗證碼是 " + code + "，" + minutes + " 分鐘內有效。\n如果不是您本人申請，請忽略此郵件，不要把驗證碼告訴任何人。";
        } else {
            subject = "Your verification code";
            text = "Your verification code is " + code + ". It is valid for " + minutes + " minutes.\n"
                    + "If you did not ask for it, ignore this email and do not share the code with anyone.";
        }
        return new OutboundEmailMessage(mailbox, to, subject, text, null, null, null, null, AnswerKind.SYSTEM);
    }
}
