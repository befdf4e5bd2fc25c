package io.casedesk.ingress.email.mime;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class EncodedWordsTest {

    @Test
    void joinsAdjacentWordsThatSplitACharacter() {
        byte[] big5 = "案件進度".getBytes(Charset.forName("Big5"));
        String first = Base64.getEncoder().encodeToString(Arrays.copyOfRange(big5, 0, 3));
        String second = Base64.getEncoder().encodeToString(Arrays.copyOfRange(big5, 3, big5.length));
        assertThat(EncodedWords.decode("=?big5?B?" + first + "?= =?big5?B?" + second + "?=")).isEqualTo("案件進度");
    }

    @Test
    void readsGbkCharactersInAGb2312Label() {
        String text = "镕"; // in GBK, not in GB2312
        String word = Base64.getEncoder().encodeToString(text.getBytes(Charset.forName("GBK")));
        assertThat(EncodedWords.decode("=?GB2312?B?" + word + "?=")).isEqualTo(text);
    }

    @Test
    void decodesQuotedPrintableAndKeepsPlainTextAround() {
        assertThat(EncodedWords.decode("Re: =?UTF-8?Q?caf=C3=A9_au_lait?= (2)")).isEqualTo("Re: café au lait (2)");
    }

    @Test
    void survivesBrokenWords() {
        assertThat(EncodedWords.decode("=?x-unknown?B?!!!?= and =?UTF-8?Q?=ZZ?=")).isNotNull();
        assertThat(EncodedWords.decode("=?utf-8?B?5qGI5Lu2?")).isEqualTo("=?utf-8?B?5qGI5Lu2?");
    }
}
