package io.casedesk.classifier.service.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MessageMaskerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            想問 2026-FAM-0142 的開庭日期                      | 想問 [case] 的開庭日期
            Any news on IN-2026-0318?                          | Any news on [case]?
            案號 113年度家調字第123號 什麼時候調解              | 案號 [case] 什麼時候調解
            传票案号115年度他字第2210号                        | 传票案号[case]
            我的案子是(113)年度訴字第45號                       | 我的案子是[case]
            Regarding matter C-1001                            | Regarding matter [case]
            Invoice INV20260098 is wrong                       | Invoice [case] is wrong
            我的身分證字號是 L223456789，麻煩查一下調解時間      | 我的身分證字號是 [id]，麻煩查一下調解時間
            my new number is 0912-345-678                      | my new number is [phone]
            write to chen.ya@example.com                       | write to [email]
            開庭是 2026-12-09 上午                             | 開庭是 [date] 上午
            開庭是2026年12月9日                                | 開庭是[date]
            改到 12/15 可以嗎                                  | 改到 [date] 可以嗎
            The hearing on Dec 9, 2026 was moved               | The hearing on [date] was moved
            the deadline is 3 March                            | the deadline is [date]
            對方願意賠 12萬 要不要接受                          | 對方願意賠 [amount] 要不要接受
            I paid NT$30,000 yesterday                         | I paid [amount] yesterday
            尾款 15,000元 匯了                                 | 尾款 [amount] 匯了
            a decision in 2 weeks on the market 5 plan          | a decision in 2 weeks on the market 5 plan
            """)
    void masksWhatDiffersFromOneCustomerToTheNext(String text, String masked) {
        assertThat(MessageMasker.mask(text)).isEqualTo(masked);
    }

    @Test
    void leavesAPlainMessageAsItIs() {
        assertThat(MessageMasker.mask("請問我的案子進度如何？")).isEqualTo("請問我的案子進度如何？");
        assertThat(MessageMasker.mask(null)).isEmpty();
    }

    @Test
    void removesPlaceholdersForTheLanguageDetector() {
        assertThat(MessageMasker.withoutPlaceholders("2026-FAM-0142 0912345678").isBlank()).isTrue();
        assertThat(MessageMasker.isPlaceholder("case")).isTrue();
        assertThat(MessageMasker.isPlaceholder("lawyer")).isFalse();
    }
}
