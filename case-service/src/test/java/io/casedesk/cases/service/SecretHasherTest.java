package io.casedesk.cases.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretHasherTest {

    private final SecretHasher hasher = new SecretHasher();

    @Test
    void storesNoSecretAndVerifiesIt() {
        String hash = hasher.hash("4821");

        assertThat(hash).startsWith("pbkdf2-sha256$" + SecretHasher.ITERATIONS + "$").doesNotContain("4821");
        assertThat(hasher.matches("4821", hash)).isTrue();
        assertThat(hasher.matches("4822", hash)).isFalse();
    }

    @Test
    void saltsEachHash() {
        assertThat(hasher.hash("4821")).isNotEqualTo(hasher.hash("4821"));
    }

    @Test
    void aMalformedHashMatchesNothing() {
        assertThat(hasher.matches("4821", "4821")).isFalse();
        assertThat(hasher.matches("4821", "pbkdf2-sha256$x$y$z")).isFalse();
    }
}
