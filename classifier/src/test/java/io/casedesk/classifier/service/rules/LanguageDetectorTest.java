package io.casedesk.classifier.service.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector("zh-Hant");

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            請問你們週六有上班嗎？                                 | -     | zh-Hant
            我的離婚協議書什麼時候可以拿到                         | -     | zh-Hant
            请问你们周六上班吗？                                   | -     | zh-Hans
            我的离婚协议书什么时候可以拿到                         | -     | zh-Hans
            When is my next hearing?                               | -     | en
            Please find the signed form attached. Regards, 陳大文  | -     | en
            請幫我 check 一下 email 有沒有收到                     | -     | zh-Hant
            帮我 check 一下 email 有没有收到                       | -     | zh-Hans
            好的                                                   | -     | zh-Hant
            好的                                                   | zh-CN | zh-Hans
            好的                                                   | zh_TW | zh-Hant
            こんにちは、相談の予約をお願いします                   | -     | ja
            안녕하세요 상담 예약하고 싶어요                        | -     | ko
            👍                                                     | -     | und
            2026-FAM-0142                                          | -     | und
            IN-2026-0318 0912345678                                | -     | und
            113年度家調字第123號                                   | -     | und
            (sticker)                                              | -     | und
            (sticker)(sticker) 😊                                  | -     | und
            2026-LAB-0316 的開庭日期                               | -     | zh-Hant
            chen.ya@example.com 請幫我改信箱                        | -     | zh-Hant
            👍                                                     | en-US | en
            """)
    void tellsLanguagesApart(String text, String hint, String expected) {
        assertThat(detector.detect(text, hint).language()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            zh-TW   | zh-Hant
            zh-Hant | zh-Hant
            zh-HK   | zh-Hant
            zh-CN   | zh-Hans
            zh-Hans | zh-Hans
            en      | en
            ja-JP   | ja
            """)
    void readsChannelHints(String hint, String expected) {
        assertThat(LanguageDetector.fromHint(hint)).isEqualTo(expected);
    }
}
