package io.casedesk.ingress.email.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReadPositionTest {

    @Test
    void startsAtTheBeginningWithoutAFile(@TempDir Path dir) {
        assertThat(ReadPosition.load(dir.resolve("none.properties"))).isEqualTo(ReadPosition.START);
    }

    @Test
    void survivesARestart(@TempDir Path dir) {
        Path file = dir.resolve("sub/position.properties");
        new ReadPosition(42, 7).after(9).after(8).save(file);
        assertThat(ReadPosition.load(file)).isEqualTo(new ReadPosition(42, 9));
        assertThat(file.resolveSibling("position.properties.tmp")).doesNotExist();
    }
}
