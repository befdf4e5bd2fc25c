package io.casedesk.responder.service;

import io.casedesk.responder.client.CaseServiceClient;
import io.casedesk.responder.client.CustomerView;
import io.casedesk.responder.client.LinkBody;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conversational side of case-service's identity linking (DESIGN §4): an unverified writer replies with a case
 * number and their verification secret ("2026-FAM-0142 4821"), or asks for a one-time code ("2026-FAM-0142
 * 寄驗證碼") and then replies with the case number and the 6-digit code. case-service decides; it also counts failed
 * attempts and locks the identity out. Nothing here says whether a case number exists.
 */
@ApplicationScoped
public class IdentityLinkFlow {

    private static final Pattern CODE_REQUEST = Pattern.compile(
            "(?:寄|發送|发送|傳送|传送|給我|给我|要|send|e-?mail)\\s*(?:me\\s+)?(?:a\\s+|the\\s+)?(?:一組|一组|一次性)?"
                    + "(?:驗證碼|验证码|one[- ]time\\s+code|code)", Pattern.CASE_INSENSITIVE);
    /** Six digits standing alone: the one-time code case-service sends. */
    private static final Pattern ONE_TIME_CODE = Pattern.compile("(?<![A-Za-z0-9-])\\d{6}(?![A-Za-z0-9-])");
    /**
     * A token of 4 to 64 letters and digits with at least one digit (the import takes secrets that long), not part of
     * a date or case number; a word without a digit is no attempt, so "2026-FAM-0142 status" costs no try.
     */
    private static final Pattern SECRET = Pattern.compile("(?<![A-Za-z0-9-])(?=[A-Za-z]*\\d)[A-Za-z0-9]{4,64}(?![A-Za-z0-9-])");

    private final CaseServiceClient caseService;
    private final MeterRegistry metrics;

    public IdentityLinkFlow(@RestClient CaseServiceClient caseService, MeterRegistry metrics) {
        this.caseService = caseService;
        this.metrics = metrics;
    }

    /** What the writer asked for; a case number alone is no link attempt (it may be a status question). */
    sealed interface Attempt {
        String caseNumber();
    }

    record WithSecret(String caseNumber, String secret) implements Attempt {
    }

    record WithCode(String caseNumber, String code) implements Attempt {
    }

    record CodeRequest(String caseNumber) implements Attempt {
    }

    static Optional<Attempt> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher caseNumber = CaseNumbers.PATTERN.matcher(text.toUpperCase(Locale.ROOT));
        if (!caseNumber.find()) {
            return Optional.empty();
        }
        String number = caseNumber.group();
        String rest = text.substring(0, caseNumber.start()) + " " + text.substring(caseNumber.end());
        if (CODE_REQUEST.matcher(rest).find()) {
            return Optional.of(new CodeRequest(number));
        }
        Matcher code = ONE_TIME_CODE.matcher(rest);
        if (code.find()) {
            return Optional.of(new WithCode(number, code.group()));
        }
        Matcher secret = SECRET.matcher(rest);
        if (secret.find()) {
            return Optional.of(new WithSecret(number, secret.group()));
        }
        return Optional.empty();
    }

    /**
     * Carries the attempt out with case-service and returns the reply, and the customer when it linked.
     *
     * @param language         the language of the reply while the writer is unknown
     * @param languageOnceLinked the language of the reply to a writer just verified as this customer (a message of
     *                         only a case number and secret is answered in the customer's own language)
     */
    Result attempt(String channel, String identity, Attempt attempt, ReplyLanguage language,
                   Function<CustomerView, ReplyLanguage> languageOnceLinked) {
        Phrasebook words = Phrasebook.of(language);
        if (attempt instanceof CodeRequest request) {
            try (Response response = caseService.requestCode(channel, identity, LinkBody.codeRequest(request.caseNumber()))) {
                if (response.getStatus() == 429) {
                    return count("locked_out", new Result(words.get(Phrase.LINK_LOCKED), null));
                }
                long minutes = Math.max(1, validForSeconds(response) / 60);
                return count("code_sent", new Result(String.format(words.get(Phrase.LINK_CODE_SENT), minutes), null));
            }
        }
        LinkBody body = attempt instanceof WithCode withCode
                ? new LinkBody(attempt.caseNumber(), null, withCode.code())
                : new LinkBody(attempt.caseNumber(), ((WithSecret) attempt).secret(), null);
        try (Response response = caseService.link(channel, identity, body)) {
            return switch (response.getStatus()) {
                // case-service answers a link with the identity as it now resolves: no second call needed.
                case 200 -> {
                    CustomerView linked = response.readEntity(CustomerView.class);
                    yield count("linked", new Result(Phrasebook.of(languageOnceLinked.apply(linked))
                            .get(Phrase.LINK_SUCCEEDED), linked.customerRef()));
                }
                case 409 -> count("held_by_another", new Result(words.get(Phrase.LINK_HELD_BY_ANOTHER), null));
                case 429 -> count("locked_out", new Result(words.get(Phrase.LINK_LOCKED), null));
                default -> count("failed", new Result(words.get(Phrase.LINK_FAILED), null));
            };
        }
    }

    private static long validForSeconds(Response response) {
        try {
            return response.readEntity(CodeAnswer.class).validForSeconds();
        } catch (RuntimeException unreadable) {
            return 600;
        }
    }

    private Result count(String outcome, Result result) {
        metrics.counter("casedesk.responder.identity.links", "outcome", outcome).increment();
        return result;
    }

    /**
     * The reply to the writer.
     *
     * @param linkedCustomerRef the customer the identity is now verified for, {@code null} when it is not
     */
    record Result(String reply, String linkedCustomerRef) {
    }

    record CodeAnswer(String status, long validForSeconds) {
    }
}
