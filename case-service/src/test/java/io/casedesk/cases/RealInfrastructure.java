package io.casedesk.cases;

import io.casedesk.infra.test.KafkaTestResource;
import io.casedesk.infra.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every {@code @QuarkusTest} of this module runs against a real PostgreSQL and a real Kafka broker; declared
 * once here, these resources apply to all of them, so the application boots once.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cases"))
@QuarkusTestResource(KafkaTestResource.class)
public final class RealInfrastructure {

    private RealInfrastructure() {
    }
}
