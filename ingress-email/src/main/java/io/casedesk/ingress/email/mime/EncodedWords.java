package io.casedesk.ingress.email.mime;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 header decoding as lenient as real mail needs: encoded words glued to other text ("Re:=?Big5?B?..?="),
 * split in the middle of a multi-byte character, in GB2312 labels that carry GBK, or with broken base64.
 * Jakarta Mail's own leniency is a JVM-wide switch read once; this does not depend on it.
 */
final class EncodedWords {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?]*)\\?=");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{2}");

    static String decode(String value) {
        Matcher word = ENCODED_WORD.matcher(value);
        StringBuilder out = new StringBuilder(value.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int last = 0;
        while (word.find()) {
            String between = value.substring(last, word.start());
            String charset = word.group(1).replaceFirst("\\*.*$", ""); // RFC 2231 language suffix
            boolean adjacent = pendingCharset != null && between.isBlank();
            if (!adjacent || !charset.equalsIgnoreCase(pendingCharset)) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                // White space between two encoded words is not part of the text (RFC 2047 §6.2).
                if (!adjacent) {
                    out.append(between);
                }
            }
            // Bytes of adjacent words in one charset are joined before decoding: clients split characters.
            byte[] bytes = word.group(2).equalsIgnoreCase("B") ? base64(word.group(3)) : quotedPrintable(word.group(3));
            pending.writeBytes(bytes);
            pendingCharset = charset;
            last = word.end();
        }
        flush(out, pending, pendingCharset);
        out.append(value.substring(last));
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() > 0) {
            out.append(MailCharsets.decode(pending.toByteArray(), charset));
            pending.reset();
        }
    }

    private static byte[] base64(String text) {
        String clean = text.replaceAll("[^A-Za-z0-9+/]", "");
        if (clean.length() % 4 == 1) {
            clean = clean.substring(0, clean.length() - 1); // a lone trailing character holds no whole byte
        }
        try {
            return Base64.getDecoder().decode(clean + "==".substring(0, (4 - clean.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    private static byte[] quotedPrintable(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length() && HEX.matcher(text.substring(i + 1, i + 3)).matches()) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private EncodedWords() {
    }
}
