package io.casedesk.responder.service;

import io.casedesk.schema.privacy.PersonalDataRedactor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a message hands over a payment card: its security code or expiry named (as {@link PersonalDataRedactor}
 * finds them), or a card number (13 to 19 digits passing the Luhn check) beside a word for a card. Such a message asks
 * the firm to take a payment, which only a person can, and the card should not stay in a chat.
 */
final class PaymentCards {

    private static final Pattern CARD_WORDS = Pattern.compile(
            "card|visa|master\\s*card|amex|jcb|信用卡|卡號|卡号|刷卡", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");

    private PaymentCards() {
    }

    static boolean sentIn(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String redacted = PersonalDataRedactor.redact(text);
        if (redacted.contains("[card code]") || redacted.contains("[expiry]")) {
            return true;
        }
        if (!CARD_WORDS.matcher(text).find()) {
            return false;
        }
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            if (passesLuhn(run.group().replaceAll("[ -]", ""))) {
                return true;
            }
        }
        return false;
    }

    /** The check digit every payment card number carries. */
    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
