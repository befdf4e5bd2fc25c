package io.casedesk.classifier.service;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableBean;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
class TriageEngineStartupTest {

    @Test
    void engineIsBuiltBeforeAnyMessageAsksForIt() {
        InjectableBean<TriageEngine> bean = Arc.container().instance(TriageEngine.class).getBean();
        // get(bean) without a creational context returns the instance only if it already exists.
        assertNotNull(Arc.container().getActiveContext(ApplicationScoped.class).get(bean),
                "the triage engine should exist once the application has started");
    }
}
