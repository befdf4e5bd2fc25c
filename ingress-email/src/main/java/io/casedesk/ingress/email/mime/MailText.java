package io.casedesk.ingress.email.mime;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The customer's new words in a mail body: HTML made readable, earlier quoted messages and signature removed. */
public final class MailText {

    private static final Pattern ON_DATE_WROTE = Pattern.compile("^\\s*On\\s.{4,300}\\swrote:\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** A line that starts the quoted earlier message; everything from it on is dropped. */
    private static final List<Pattern> QUOTE_HEADERS = List.of(
            Pattern.compile("^\\s*-{2,}\\s*(Original Message|Forwarded message|原始郵件|原始邮件|原始訊息|原始信息|元のメッセージ)\\s*-{2,}.*$",
                    Pattern.CASE_INSENSITIVE),
            ON_DATE_WROTE,
            Pattern.compile("^.{2,300}(寫道|写道|書きました)\\s*[:：]\\s*$"),
            Pattern.compile("^\\s*_{20,}\\s*$"),
            Pattern.compile("^\\s*Sent from my \\w+.*$", Pattern.CASE_INSENSITIVE),
            // RFC 3676 signature separator "-- " (some clients drop the trailing space).
            Pattern.compile("^--\\s?$"));

    /** Outlook's quote header: a "From:" line followed shortly by a "Sent:" (or its Chinese labels). */
    private static final Pattern OUTLOOK_FROM = Pattern.compile("^\\s*\\*?(From|寄件者|发件人|發件人)\\*?\\s*[:：].*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_SENT = Pattern.compile("^\\s*\\*?(Sent|Date|寄件日期|发送时间|發送時間|日期)\\*?\\s*[:：].*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED_LINE = Pattern.compile("^\\s*>.*$");
    private static final Pattern MANY_BLANK_LINES = Pattern.compile("\n{3,}");

    /** The new text of a plain-text body; the whole body when nothing but quotes would remain. */
    public static String newText(String body) {
        String normalized = normalize(body);
        String stripped = stripQuotes(normalized);
        return stripped.isBlank() ? normalized : stripped;
    }

    /** Readable text of an HTML body, with quoted blocks removed and paragraphs on their own lines. */
    public static String fromHtml(String html) {
        Document document = Jsoup.parse(html);
        document.select("head, style, script, blockquote, .gmail_quote, #appendonsend, #divRplyFwdMsg").remove();
        document.outputSettings().prettyPrint(false);
        document.select("br").after("\\n");
        document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, table, pre").before("\\n");
        return document.text().replace("\\n", "\n").replaceAll("[ \\t\\u00a0]*\n[ \\t\\u00a0]*", "\n");
    }

    static String stripQuotes(String text) {
        String[] lines = text.split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (startsQuote(lines, i)) {
                break;
            }
            if (!QUOTED_LINE.matcher(line).matches()) {
                kept.add(line);
            }
        }
        return normalize(String.join("\n", kept));
    }

    private static boolean startsQuote(String[] lines, int index) {
        String line = lines[index];
        for (Pattern header : QUOTE_HEADERS) {
            if (header.matcher(line).matches()) {
                return true;
            }
        }
        // "On <date>, <name>" wrapped onto a second line that ends with "wrote:".
        if (index + 1 < lines.length && line.trim().startsWith("On ")
                && ON_DATE_WROTE.matcher(line + " " + lines[index + 1].trim()).matches()) {
            return true;
        }
        if (OUTLOOK_FROM.matcher(line).matches()) {
            for (int next = index + 1; next < Math.min(lines.length, index + 4); next++) {
                if (OUTLOOK_SENT.matcher(lines[next]).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    static String normalize(String text) {
        String unixLines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(unixLines.length());
        for (String line : unixLines.split("\n", -1)) {
            out.append(line.stripTrailing()).append('\n');
        }
        return MANY_BLANK_LINES.matcher(out).replaceAll("\n\n").strip();
    }

    private MailText() {
    }
}
