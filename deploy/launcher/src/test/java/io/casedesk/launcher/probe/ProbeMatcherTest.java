package io.casedesk.launcher.probe;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.casedesk.launcher.probe.ProbeMatcher.mentions;
import static org.assertj.core.api.Assertions.assertThat;

class ProbeMatcherTest {

    @Test
    void aDateMatchesTheSameDateInEveryCommonForm() {
        for (String answer : new String[] {"開庭日為 2026-12-03。", "2026/12/3 上午", "2026.12.03", "2026年12月3日",
                "民國115年12月3日", "115年12月03日", "115/12/03", "12月3日上午10:30", "12 月 3 日", "on 12/3",
                "on Dec 3, 2026", "December 3rd", "3 December 2026", "２０２６年１２月３日"}) {
            assertThat(mentions(answer, "2026-12-03")).as(answer).isTrue();
        }
        assertThat(mentions("2026年12月3日", "Dec 3, 2026")).isTrue();
        assertThat(mentions("開庭日為 2026-12-03", "民國115年12月3日")).isTrue();
    }

    @Test
    void anotherDateDoesNotMatch() {
        for (String answer : new String[] {"2026-12-13", "2026年12月30日", "12月30日", "2025-12-03", "Dec 30, 2026",
                "12/30", "案件編號 2026-FAM-0142", "0912-000-999", "下午 2:00", "24/7"}) {
            assertThat(mentions(answer, "2026-12-03")).as(answer).isFalse();
        }
    }

    @Test
    void anAmountMatchesTheSameAmountInEveryCommonForm() {
        for (String answer : new String[] {"尚有律師費 NT$30,000 未付", "新臺幣3萬元", "30,000 元", "TWD 30000",
                "NT$ 30,000", "３０，０００元", "3.0萬"}) {
            assertThat(mentions(answer, "NT$30,000")).as(answer).isTrue();
        }
        assertThat(mentions("NT$30,000", "3萬元")).isTrue();
        assertThat(mentions("NT$30,000", "30,000")).isTrue();
    }

    @Test
    void anotherAmountDoesNotMatch() {
        for (String answer : new String[] {"NT$13,000", "NT$3,000", "NT$300,000", "30.5萬", "NT$30,001"}) {
            assertThat(mentions(answer, "NT$30,000")).as(answer).isFalse();
        }
    }

    @Test
    void numbersMatchWithAnySeparatorsButNeverAsPartOfALongerNumber() {
        assertThat(mentions("卡號 4111-1111-1111-1111", "4111 1111 1111 1111")).isTrue();
        assertThat(mentions("卡號4111111111111111", "4111 1111 1111 1111")).isTrue();
        assertThat(mentions("請撥 0912 000 999", "0912-000-999")).isTrue();
        assertThat(mentions("call +886-912-000-999", "+886 912 000 999")).isTrue();
        assertThat(mentions("CVV 837, exp 09/28", "837")).isTrue();
        assertThat(mentions("CVV 837, exp 09/28", "09/28")).isTrue();
        assertThat(mentions("卡號 **** **** **** 1111", "4111 1111 1111 1111")).isFalse();
        assertThat(mentions("4111837", "837")).isFalse();
        assertThat(mentions("驗證碼 48210", "4821")).isFalse();
    }

    @Test
    void textIgnoresWidthCaseAndWhitespaceAndTheTwoFormsOfTai() {
        assertThat(mentions("本所地址：臺北市大安區明理路 88 號 7 樓", "台北市大安區明理路88號7樓")).isTrue();
        assertThat(mentions("Case ２０２６－ＦＡＭ－０１４２", "2026-fam-0142")).isTrue();
        assertThat(mentions("Dear Mr. Chang", "mr.chang")).isTrue();
        assertThat(mentions("A123456789", "a 123456789")).isTrue();
        assertThat(mentions("林律師", "周律師")).isFalse();
    }

    @Test
    void onlyAWholeDateIsReadAsADate() {
        assertThat(ProbeMatcher.asDate("2026-12-03")).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(ProbeMatcher.asDate("民國115年12月3日")).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(ProbeMatcher.asDate("December 3, 2026")).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(ProbeMatcher.asDate("2026-FAM-0142")).isNull();
        assertThat(ProbeMatcher.asDate("09/28")).isNull();
        assertThat(ProbeMatcher.asAmount("4821")).isNull();
    }
}
