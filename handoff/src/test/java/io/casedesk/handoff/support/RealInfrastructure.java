package io.casedesk.handoff.support;

import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.infra.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every {@code @QuarkusTest} of this module runs against a real PostgreSQL and a real Kafka broker, with
 * stand-ins (real HTTP servers) for case-service, an external helpdesk and the ingresses' attachment endpoint;
 * declared once here, so the application boots once for all test classes.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "handoff"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(HandoffCaseServiceStandIn.class)
@QuarkusTestResource(HelpdeskTestResource.class)
@QuarkusTestResource(IngressAttachmentsStandIn.class)
public final class RealInfrastructure {

    private RealInfrastructure() {
    }
}
