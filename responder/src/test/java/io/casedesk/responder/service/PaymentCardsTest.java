package io.casedesk.responder.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentCardsTest {

    @Test
    void aCardHandedOverIsSeenByItsCodeItsExpiryOrAValidNumberBesideACardWord() {
        assertThat(PaymentCards.sentIn("Please charge my fee to my Visa card 4539 1488 0343 6467, expiry 08/29, CVV 731."))
                .isTrue();
        assertThat(PaymentCards.sentIn("請從我的信用卡扣款，卡號 4111-1111-1111-1111")).isTrue();
        assertThat(PaymentCards.sentIn("我的卡 安全碼 123，有效期限 12/28")).isTrue();
        assertThat(PaymentCards.sentIn("can you bill my mastercard 5555555555554444 thx")).isTrue();
    }

    @Test
    void otherNumbersAndQuestionsAboutCardsAreNot() {
        assertThat(PaymentCards.sentIn("Can I pay by credit card?")).isFalse();
        assertThat(PaymentCards.sentIn("可以刷卡嗎？我的案號是 2026-FAM-0142")).isFalse();
        // A bank account for a refund, no card word: a record update, not a payment.
        assertThat(PaymentCards.sentIn("退款請匯到我的帳戶 012-345-678-901-23")).isFalse();
        // A card word, but the number fails the card check digit.
        assertThat(PaymentCards.sentIn("my card number is 4539 1488 0343 6468")).isFalse();
        assertThat(PaymentCards.sentIn(null)).isFalse();
    }
}
