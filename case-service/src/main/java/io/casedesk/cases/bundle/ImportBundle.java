package io.casedesk.cases.bundle;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.casedesk.cases.bundle.constraints.FromBeforeTo;
import io.casedesk.cases.bundle.constraints.KnownCustomers;
import io.casedesk.cases.bundle.constraints.Required;
import io.casedesk.cases.bundle.constraints.TimeZoneId;
import io.casedesk.cases.bundle.constraints.TimesUnlessClosed;
import io.casedesk.cases.bundle.constraints.UniqueKeys;
import io.casedesk.cases.bundle.constraints.VerificationSecret;
import io.casedesk.cases.bundle.constraints.Weekdays;
import io.casedesk.cases.model.CaseStatus;
import io.casedesk.cases.model.IdentityChannel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A firm's import bundle (DESIGN §7), bound from JSON by {@link BundleReader}. The constraints on the records are
 * the bundle's rules: a bundle read by the reader satisfies all of them (required values are there, references
 * resolve, natural keys are unique). The records normalize as they are made: keys trimmed, email addresses
 * lower-cased, a missing list or map empty. {@code docs/bundle.schema.json} is generated from them.
 *
 * @param articlesGiven the bundle has an {@code articles} key: its articles are then the firm's whole knowledge
 *                      base, and stored articles it does not hold are removed; without the key they stay as they are
 */
@UniqueKeys
@KnownCustomers
@JsonClassDescription("A firm's data for CaseDesk's case-service: POST it to /api/v1/import. A missing value is null; "
        + "unknown keys are ignored; importing the same bundle twice changes nothing.")
public record ImportBundle(
        @JsonPropertyDescription("The firm's settings; without it the stored ones stay as they are")
        @Valid Firm firm,
        List<@NotNull(message = MUST_BE_AN_OBJECT) @Valid Customer> customers,
        List<@NotNull(message = MUST_BE_AN_OBJECT) @Valid Case> cases,
        @JsonPropertyDescription("The firm's whole knowledge base: stored articles missing here are removed. "
                + "Without the key, the stored articles stay as they are")
        List<@NotNull(message = MUST_BE_AN_OBJECT) @Valid Article> articles,
        @JsonIgnore boolean articlesGiven) {

    static final String MUST_BE_AN_OBJECT = "must be an object";
    static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");
    static final String MUST_BE_A_NON_BLANK_STRING = "must be a non-blank string";

    public ImportBundle {
        customers = listOf(customers);
        cases = listOf(cases);
        articles = listOf(articles);
    }

    @JsonCreator
    static ImportBundle fromJson(@JsonProperty("firm") Firm firm, @JsonProperty("customers") List<Customer> customers,
                                 @JsonProperty("cases") List<Case> cases, @JsonProperty("articles") List<Article> articles) {
        return new ImportBundle(firm, customers, cases, articles, articles != null);
    }

    public record Firm(
            @Required String name,
            @JsonPropertyDescription("An IANA time zone, e.g. Asia/Taipei") @Required @TimeZoneId String timezone,
            @JsonPropertyDescription("BCP 47 tags of the languages the firm writes in, e.g. zh-Hant, en")
            List<@NotBlank(message = MUST_BE_A_NON_BLANK_STRING) String> languages,
            String tone,
            @Valid ServiceHours serviceHours,
            @JsonPropertyDescription("The text sent outside service hours, per language")
            Map<String, String> outOfHoursText) {

        public Firm {
            languages = listOf(languages);
            outOfHoursText = textsOf(outOfHoursText);
        }
    }

    /** Times are the firm's local time ({@code timezone}). */
    public record ServiceHours(List<@NotNull(message = MUST_BE_AN_OBJECT) @Valid WeeklyWindow> weekly,
                               List<@NotNull(message = MUST_BE_AN_OBJECT) @Valid DatedWindow> dated) {

        public ServiceHours {
            weekly = listOf(weekly);
            dated = listOf(dated);
        }

        /** The hours as the firm's settings keep them: times as {@code HH:mm}, dates as {@code YYYY-MM-DD}. */
        public io.casedesk.cases.model.ServiceHours toStored() {
            return new io.casedesk.cases.model.ServiceHours(
                    weekly.stream().map(w -> new io.casedesk.cases.model.ServiceHours.WeeklyWindow(
                            w.days(), clockTime(w.from()), clockTime(w.to()))).toList(),
                    dated.stream().map(d -> new io.casedesk.cases.model.ServiceHours.DatedWindow(
                            d.date() == null ? null : d.date().toString(), clockTime(d.from()), clockTime(d.to()),
                            d.closed())).toList());
        }

        private static String clockTime(LocalTime time) {
            return time == null ? null : CLOCK_TIME.format(time);
        }
    }

    /** Open from {@code from} to {@code to} on each of {@code days}. */
    @FromBeforeTo
    public record WeeklyWindow(
            @JsonPropertyDescription("MON, TUE, WED, THU, FRI, SAT, SUN (any case)")
            @Weekdays List<@NotBlank(message = MUST_BE_A_NON_BLANK_STRING) String> days,
            @JsonPropertyDescription("HH:mm") @Required LocalTime from,
            @JsonPropertyDescription("HH:mm, later than from") @Required LocalTime to) implements TimeSpan {

        public WeeklyWindow {
            days = listOf(days).stream().map(day -> day == null ? null : day.toUpperCase(Locale.ROOT)).toList();
        }
    }

    /** A day whose hours differ from the week's: open from {@code from} to {@code to}, or {@code closed}. */
    @FromBeforeTo
    @TimesUnlessClosed
    public record DatedWindow(
            @Required LocalDate date,
            @JsonPropertyDescription("HH:mm; required unless closed") LocalTime from,
            @JsonPropertyDescription("HH:mm, later than from; required unless closed") LocalTime to,
            @JsonPropertyDescription("true: closed all day") Boolean closed) implements TimeSpan {

        public DatedWindow {
            closed = Boolean.TRUE.equals(closed) ? Boolean.TRUE : null;
        }
    }

    /** A window with opening and closing times, either of them missing in a bundle that is rejected. */
    public interface TimeSpan {
        LocalTime from();

        LocalTime to();
    }

    /**
     * @param ref    the firm's own customer reference, unique in the bundle
     * @param email  lower-cased; unique in the bundle, as is {@code lineUserId}
     */
    public record Customer(
            @JsonPropertyDescription("The firm's own customer reference, e.g. C-1001; unique in the bundle")
            @Required String ref,
            @Required String name,
            @JsonPropertyDescription("How to address the customer, per language")
            Map<String, String> salutation,
            String language,
            @JsonPropertyDescription("Becomes a verified email identity; unique in the bundle")
            @Pattern(regexp = "[^@\\s]+@[^@\\s]+", message = "is not an email address") String email,
            String phone,
            @JsonPropertyDescription("Becomes a verified LINE identity; unique in the bundle")
            String lineUserId,
            Boolean vip,
            @JsonPropertyDescription("What the customer gives with a case number to link a LINE account or email "
                    + "address; stored only as a hash")
            @VerificationSecret String verificationSecret) {

        public Customer {
            ref = trimmed(ref);
            salutation = textsOf(salutation);
            email = identity(IdentityChannel.EMAIL, email);
            lineUserId = identity(IdentityChannel.LINE, lineUserId);
            vip = Boolean.TRUE.equals(vip);
        }

        /** Without the verification secret, so that a stray log line cannot leak it. */
        @Override
        public String toString() {
            return "Customer[ref=" + ref + "]";
        }
    }

    /**
     * @param closedAt when a closed case closed, {@code null} when the bundle does not say
     * @param outcome  how a closed case ended, as the firm recorded it; {@code null} when the bundle does not say
     */
    public record Case(
            @JsonPropertyDescription("The firm's case number, e.g. 2026-FAM-0142; unique in the bundle")
            @Required String number,
            @JsonPropertyDescription("A customer of this bundle, or one imported earlier")
            @Required String customerRef,
            @Required String title,
            String type,
            @Required CaseStatus status,
            String stage,
            String assignee,
            LocalDate openedAt,
            @Valid NextStep nextStep,
            @Valid Fee outstandingFee,
            List<@NotNull(message = MUST_BE_AN_OBJECT) @Valid HistoryEntry> history,
            @JsonPropertyDescription("For a closed case; when absent, the date of its last history entry")
            LocalDate closedAt,
            @JsonPropertyDescription("For a closed case; when absent, the text of its last history entry")
            String outcome) {

        public Case {
            number = trimmed(number);
            customerRef = trimmed(customerRef);
            history = listOf(history);
        }

        public LocalDate nextStepDate() {
            return nextStep == null ? null : nextStep.date();
        }

        public String nextStepDescription() {
            return nextStep == null ? null : nextStep.description();
        }

        public BigDecimal outstandingFeeAmount() {
            return outstandingFee == null ? null : outstandingFee.amount();
        }

        public String outstandingFeeCurrency() {
            return outstandingFee == null ? null : outstandingFee.currency();
        }

        /**
         * A closed case's closing as the bundle records it: its {@code closedAt} and {@code outcome}, or else the date
         * (in the firm's zone) and text of its latest history entry, which is where a firm writes that a case ended.
         * Nothing for an open case.
         */
        public Closing closing(ZoneId firmZone) {
            if (status != CaseStatus.CLOSED) {
                return new Closing(null, null);
            }
            Optional<HistoryEntry> last = history.stream().max(Comparator.comparing(HistoryEntry::at));
            return new Closing(
                    closedAt != null ? closedAt : last.map(h -> LocalDate.ofInstant(h.at(), firmZone)).orElse(null),
                    outcome != null ? outcome : last.map(HistoryEntry::entry).orElse(null));
        }
    }

    /** When and how a closed case ended; both null for an open case. */
    public record Closing(LocalDate closedAt, String outcome) {
    }

    public record NextStep(LocalDate date, String description) {
    }

    public record Fee(
            @Required @PositiveOrZero(message = "must not be negative") BigDecimal amount,
            @Required @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as TWD") String currency) {
    }

    /** @param at truncated to microseconds, the precision PostgreSQL stores */
    public record HistoryEntry(
            @JsonPropertyDescription("A date-time with offset, e.g. 2026-03-02T10:00:00+08:00") @Required Instant at,
            @Required String entry) {
    }

    public record Article(
            @JsonPropertyDescription("Unique in the bundle, e.g. kb-office-hours-zh-hant") @Required String id,
            @Required String language,
            @Required String title,
            @Required String body,
            List<@NotBlank(message = MUST_BE_A_NON_BLANK_STRING) String> tags) {

        public Article {
            id = trimmed(id);
            tags = listOf(tags);
        }
    }

    private static <T> List<T> listOf(List<T> items) {
        // Not List.copyOf: a bundle that is rejected may hold null items, and the constraints report them.
        return items == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(items));
    }

    /** A JSON object of language (or other key) to text; keys with a null text are left out. */
    private static Map<String, String> textsOf(Map<String, String> texts) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (texts != null) {
            texts.forEach((key, text) -> {
                if (text != null) {
                    copy.put(key, text);
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }

    private static String trimmed(String key) {
        return key == null ? null : key.trim();
    }

    /** An optional channel identity, normalized for storage and lookup; blank means none. */
    private static String identity(IdentityChannel channel, String externalId) {
        return externalId == null || externalId.isBlank() ? null : channel.normalize(externalId);
    }
}
