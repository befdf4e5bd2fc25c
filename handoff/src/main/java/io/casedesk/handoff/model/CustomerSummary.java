package io.casedesk.handoff.model;

import io.casedesk.handoff.client.CaseView;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;
import java.util.Map;

/**
 * Who wrote, as the ticket shows them to agents: the channel identity (LINE user id or email address), the customer
 * in case-service, how to address them per language tag ({@code {"zh-Hant": "張先生", "en": "Mr. Chang"}}) and their
 * open cases when it answered.
 */
@Embeddable
public record CustomerSummary(String identity,
                              @Column(name = "customer_ref") String ref,
                              @Column(name = "customer_name") String name,
                              boolean vip,
                              @JdbcTypeCode(SqlTypes.JSON) @Column(name = "case_summary") List<CaseView> cases,
                              @Enumerated(EnumType.STRING) @Column(name = "case_summary_status")
                              CaseSummaryStatus casesStatus,
                              @JdbcTypeCode(SqlTypes.JSON) @Column(name = "salutation") Map<String, String> salutation) {
}
