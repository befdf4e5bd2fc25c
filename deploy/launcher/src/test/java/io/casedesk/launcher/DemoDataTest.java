package io.casedesk.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo firm shipped with CaseDesk is the shared demo firm, unchanged. */
class DemoDataTest {

    @Test
    void shippedDemoFirmIsTheSharedOne() throws Exception {
        Path repository = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
        Path shipped = Casedesk.demoBundle(repository);
        Path shared = repository.resolve("../shared/demo-data/lawfirm-demo.json").normalize();

        assertThat(shipped).exists();
        assertThat(shared).as("the shared demo data beside the repository").exists();
        assertThat(Files.readString(shipped)).isEqualTo(Files.readString(shared));
    }
}
