package io.casedesk.schema.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataRedactorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "身分證字號A123456789請查 | 身分證字號[id]請查",
            "my ID is b223456789. | my ID is [id].",
            "call me on 0912-345-678 | call me on [phone]",
            "電話 +886 912 345 678 | 電話 [phone]",
            "市話(02)2345-6789 | 市話[phone]",
            "mail me at a.b+c@mail.example.com | mail me at [email]",
            "卡號4111-1111-1111-1111 | 卡號[account]",
            "帳號 00123456789012 | 帳號 [account]",
            "card 4111 1111 1111 1111, expiry 12/28, CVV 737 | card [account], expiry [expiry], CVV [card code]",
            "卡號 4111111111111111 有效期限 08/2029 安全碼：123 | 卡號 [account] 有效期限 [expiry] 安全碼：[card code]",
            "4111-1111-1111-1111 12/28 737 please | [account] [expiry] [card code] please",
            "exp. 3/27 and security code 4821 | exp. [expiry] and security code [card code]",
    })
    void replacesPersonalData(String text, String expected) {
        assertThat(PersonalDataRedactor.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "明天下午3點開庭", "案號 113年度訴字第456號", "fees of 30,000 NTD", "2026-01-05 的會議",
            "the hearing on 12/28 at 10:30", "請在 12/15 前付 737 元", "room 737, see you 12/28"})
    void leavesDatesAmountsAndCaseNumbers(String text) {
        assertThat(PersonalDataRedactor.redact(text)).isEqualTo(text);
    }

    @Test
    void findsEachPieceOnceAsWritten() {
        assertThat(PersonalDataRedactor.find("寄到 a1@x.example.com 或撥 0912-345-678，身分證 A123456789"))
                .containsExactly("a1@x.example.com", "A123456789", "0912-345-678");
        assertThat(PersonalDataRedactor.find("您的案件 2026-FAM-0142 下次開庭 2026-12-03，費用 NT$30,000")).isEmpty();
    }
    @Test
    void theCheapTestsBeforeEachRuleSkipNoMatch() {
        // Texts made of the pieces the rules look for, in random order: every rule is tried on each, and what it
        // finds must be what the redactor finds with its cheap tests in place.
        List<String> pieces = List.of("0912-345-678", "+886 912 345 678", "(02)2345-6789", "A123456789", "b223456789",
                "4111 1111 1111 1111", "00123456789012", "12/28", "08/2029", "737", "4821", "a.b+c@mail.example.com",
                "CVV", "cvc2", "Security Code", "card code", "安全碼", "检查码", "背面三碼", "EXP", "expiry date",
                "valid thru", "有效期限", "到期日", "[account]", "[expiry]", " ", "：", "-", "/", "#", "是", "please",
                "明天下午3點", "30,000 元", "2026-01-05", "案號", "\n");
        Random random = new Random(7);
        int matched = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = 1 + random.nextInt(8); n > 0; n--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            List<String> everyRule = PersonalDataRedactor.find(text.toString(), true);
            assertThat(PersonalDataRedactor.find(text.toString())).as(text.toString()).isEqualTo(everyRule);
            matched += everyRule.isEmpty() ? 0 : 1;
        }
        assertThat(matched).as("texts holding personal data").isGreaterThan(10_000);
    }
}
