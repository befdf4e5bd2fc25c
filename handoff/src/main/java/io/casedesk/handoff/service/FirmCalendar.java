package io.casedesk.handoff.service;

import io.casedesk.handoff.client.CaseServiceClient;
import io.casedesk.handoff.client.FirmView;
import io.casedesk.handoff.config.HandoffConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The firm's time zone, service hours and out-of-hours texts: the firm imported into case-service, read
 * again every {@code refresh-interval}, or handoff's own configuration when case-service has none or cannot
 * be reached (or {@code firm.source=config}).
 */
@ApplicationScoped
public class FirmCalendar {

    private static final Logger LOG = Logger.getLogger(FirmCalendar.class);
    private static final java.time.Duration RETRY_AFTER_FAILURE = java.time.Duration.ofSeconds(30);

    /** The hours and texts in force, and the languages the firm writes in (empty: not told). */
    public record Settings(ServiceHours hours, Map<String, String> outOfHoursText, String source,
                           List<String> languages) {
    }

    private final CaseServiceClient caseService;
    private final HandoffConfig.Firm config;
    private final Clock clock;
    private volatile Settings current;
    private volatile Instant nextRead = Instant.MIN;

    public FirmCalendar(@RestClient CaseServiceClient caseService, HandoffConfig config, Clock clock) {
        this.caseService = caseService;
        this.config = config.firm();
        this.clock = clock;
    }

    public Settings settings() {
        Instant now = clock.instant();
        Settings settings = current;
        if (settings == null || !now.isBefore(nextRead)) {
            settings = read();
            current = settings;
            // A failed read is tried again soon: case-service may just be starting.
            nextRead = now.plus(settings.source().equals("case-service") || !"case-service".equals(config.source())
                    ? config.refreshInterval() : RETRY_AFTER_FAILURE);
        }
        return settings;
    }

    /** Forgets what was read, so the next call reads again (after an import, and in tests). */
    public void refresh() {
        current = null;
    }

    private Settings read() {
        Settings configured = fromConfig();
        if (!"case-service".equals(config.source())) {
            return configured;
        }
        try (Response response = caseService.firm()) {
            if (response.getStatus() == 404) {
                return configured;
            }
            FirmView firm = response.readEntity(FirmView.class);
            return fromFirm(firm, configured);
        } catch (RuntimeException e) {
            LOG.warnf("Firm settings from case-service unavailable (%s); using the configured service hours",
                    e.getClass().getSimpleName());
            return configured;
        }
    }

    static Settings fromFirm(FirmView firm, Settings fallback) {
        ZoneId zone;
        try {
            zone = firm.timezone() == null ? fallback.hours().zone() : ZoneId.of(firm.timezone());
        } catch (DateTimeException e) {
            zone = fallback.hours().zone();
        }
        List<ServiceHours.Weekly> weekly = new ArrayList<>();
        List<ServiceHours.Dated> dated = new ArrayList<>();
        if (firm.serviceHours() != null) {
            if (firm.serviceHours().weekly() != null) {
                for (FirmView.Weekly w : firm.serviceHours().weekly()) {
                    weekly.add(new ServiceHours.Weekly(ServiceHours.days(w.days()), ServiceHours.Span.of(w.from(), w.to())));
                }
            }
            if (firm.serviceHours().dated() != null) {
                for (FirmView.Dated d : firm.serviceHours().dated()) {
                    LocalDate date = LocalDate.parse(d.date());
                    dated.add(new ServiceHours.Dated(date,
                            Boolean.TRUE.equals(d.closed()) ? null : ServiceHours.Span.of(d.from(), d.to())));
                }
            }
        }
        Map<String, String> texts = firm.outOfHoursText() == null || firm.outOfHoursText().isEmpty()
                ? fallback.outOfHoursText() : firm.outOfHoursText();
        return new Settings(new ServiceHours(zone, weekly, dated), texts, "case-service",
                firm.languages() == null ? List.of() : List.copyOf(firm.languages()));
    }

    private Settings fromConfig() {
        List<ServiceHours.Weekly> weekly = new ArrayList<>();
        for (String entry : config.weekly().orElse(List.of())) {
            // "MON-FRI 09:00-12:00" or "MON,WED 13:00-18:00"
            String[] parts = entry.trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("casedesk.handoff.firm.weekly: '" + entry + "' is not 'DAYS HH:mm-HH:mm'");
            }
            weekly.add(new ServiceHours.Weekly(ServiceHours.days(List.of(parts[0].split(","))), span(parts[1])));
        }
        List<ServiceHours.Dated> dated = new ArrayList<>();
        for (String entry : config.dated().orElse(List.of())) {
            String[] parts = entry.trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("casedesk.handoff.firm.dated: '" + entry
                        + "' is not 'YYYY-MM-DD HH:mm-HH:mm' or 'YYYY-MM-DD closed'");
            }
            dated.add(new ServiceHours.Dated(LocalDate.parse(parts[0]),
                    parts[1].equalsIgnoreCase("closed") ? null : span(parts[1])));
        }
        return new Settings(new ServiceHours(ZoneId.of(config.timezone()), weekly, dated), config.outOfHoursText(), "config",
                List.of());
    }

    private static ServiceHours.Span span(String text) {
        String[] times = text.split("-");
        if (times.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not HH:mm-HH:mm");
        }
        return ServiceHours.Span.of(times[0], times[1]);
    }
}
