package io.casedesk.cases.view;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The customer behind a channel identity together with their cases: what the responder needs for every message,
 * in one answer. Shaped like {@link IdentityView} plus {@code cases}.
 *
 * @param salutation the stored {@code jsonb} object as PostgreSQL prints it, written out unparsed
 * @param cases      open ones first; always empty for an unverified identity, which may not see case facts
 */
public record CustomerCasesView(String customerRef, String name, String language,
                                @JsonRawValue
                                @Schema(type = SchemaType.OBJECT, description = "How to address the customer, per language",
                                        example = "{\"zh-Hant\": \"張先生\", \"en\": \"Mr. Chang\"}")
                                String salutation,
                                boolean vip, boolean verified, List<CaseView> cases) {
}
