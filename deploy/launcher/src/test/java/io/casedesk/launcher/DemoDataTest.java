package io.casedesk.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo firm shipped with CaseDesk is the one its README describes, unchanged since its checksum was recorded. */
class DemoDataTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();

    @Test
    void shippedDemoFirmMatchesItsRecordedChecksum() throws Exception {
        Path shipped = Casedesk.demoBundle(REPOSITORY);
        String recorded = Files.readString(shipped.resolveSibling("SHA256SUMS")).trim();

        String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(shipped)));

        assertThat(recorded).isEqualTo(actual + "  " + shipped.getFileName());
    }

    @Test
    void shippedDemoFirmHasTheCustomersCasesAndArticlesItsReadmeNames() throws Exception {
        JsonNode bundle = new ObjectMapper().readTree(Casedesk.demoBundle(REPOSITORY).toFile());

        assertThat(bundle.path("customers").size()).isEqualTo(12);
        assertThat(bundle.path("cases").size()).isEqualTo(18);
        assertThat(bundle.path("articles").size()).isEqualTo(24);
    }
}
