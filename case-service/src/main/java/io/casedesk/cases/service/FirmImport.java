package io.casedesk.cases.service;

import io.casedesk.cases.bundle.ImportBundle;
import io.casedesk.cases.bundle.ImportTally;
import io.casedesk.cases.model.FirmSettings;

/** The firm part of an import: the bundle's firm settings, when it has any, become the stored ones. */
final class FirmImport {

    private FirmImport() {
    }

    static ImportTally apply(ImportBundle.Firm data) {
        ImportTally tally = new ImportTally();
        if (data != null) {
            ImportedRecord<FirmSettings> firm = ImportedRecord.upsert(FirmSettings.current().orElse(null),
                    FirmSettings::newFirm, f -> f.takeImported(data));
            tally.count(firm.created(), firm.changed());
        }
        return tally;
    }
}
