package io.casedesk.ingress.email.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** Decodes the bytes of a text part whatever charset it claims, including none or a wrong one. */
final class MailCharsets {

    /**
     * Labels mail clients use for a charset whose superset decodes strictly more real mail: GB2312 mail
     * routinely carries GBK characters, Big5 mail HKSCS ones, "ks_c_5601" is really Windows-949.
     */
    private static final Map<String, String> SUPERSETS = Map.of(
            "gb2312", "GB18030",
            "gbk", "GB18030",
            "x-gbk", "GB18030",
            "cp936", "GB18030",
            "big5", "Big5-HKSCS",
            "ks_c_5601-1987", "x-windows-949",
            "euc-kr", "x-windows-949",
            "shift_jis", "windows-31j",
            "iso-8859-1", "windows-1252",
            "us-ascii", "windows-1252");

    static String decode(byte[] bytes, String declared) {
        Charset charset = charset(declared);
        if (charset != null) {
            return new String(bytes, charset);
        }
        // No or unknown charset: UTF-8 when the bytes are valid UTF-8, else the usual Western fallback.
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    static Charset charset(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String label = declared.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        String name = SUPERSETS.getOrDefault(label, label);
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private MailCharsets() {
    }
}
