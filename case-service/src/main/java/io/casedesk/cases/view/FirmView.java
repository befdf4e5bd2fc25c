package io.casedesk.cases.view;

import io.casedesk.cases.model.FirmSettings;
import io.casedesk.cases.model.ServiceHours;

import java.util.List;
import java.util.Map;

/** The firm's settings as the services that answer customers need them. */
public record FirmView(String name, String timezone, List<String> languages, String tone, ServiceHours serviceHours,
                       Map<String, String> outOfHoursText) {

    public static FirmView of(FirmSettings firm) {
        return new FirmView(firm.name, firm.timezone, firm.languages, firm.tone, firm.serviceHours, firm.outOfHoursText);
    }
}
