package io.casedesk.schema.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyDigestsTest {

    @Test
    void theDigestIsSha256OfTheUtf8BytesInLowerCaseHex() {
        // The SHA-256 of "abc" (FIPS 180-2, appendix B.1).
        assertThat(KeyDigests.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aPresentedKeyMatchesWhenItsDigestIsAmongTheConfigured() {
        List<byte[]> configured = List.of(KeyDigests.sha256("first-key"), KeyDigests.sha256("second-key"));

        assertThat(KeyDigests.matchesAny("second-key", configured)).isTrue();
        assertThat(KeyDigests.matchesAny("third-key", configured)).isFalse();
        assertThat(KeyDigests.matchesAny("first-key", List.of())).isFalse();
    }

    @Test
    void aConfiguredDigestMustBeHexOfTheRightLength() {
        String hex = KeyDigests.sha256Hex("k");

        assertThat(KeyDigests.parseHex(" " + hex.toUpperCase() + " ", "x.key-sha256")).isEqualTo(KeyDigests.sha256("k"));
        assertThatThrownBy(() -> KeyDigests.parseHex("k", "x.key-sha256")).hasMessage("x.key-sha256 is not a hex SHA-256 digest");
        assertThatThrownBy(() -> KeyDigests.parseHex(hex.substring(1) + "g", "x.key-sha256"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyABearerHeaderWithATokenGivesOne() {
        assertThat(KeyDigests.bearerToken("Bearer abc ")).contains("abc");
        assertThat(KeyDigests.bearerToken("bearer abc")).contains("abc");
        assertThat(KeyDigests.bearerToken("Bearer  ")).isEmpty();
        assertThat(KeyDigests.bearerToken("Basic YWJjOmRlZg==")).isEmpty();
        assertThat(KeyDigests.bearerToken(null)).isEmpty();
    }

    @Test
    void anOptionalSettingConfiguresOneDigestOrNoneAndOnlyItsBearerGetsIn() {
        String hex = KeyDigests.sha256Hex("scoped-key");
        List<byte[]> digests = KeyDigests.configured(Optional.of(" " + hex + " "), "x.key-sha256");

        assertThat(KeyDigests.authorizes("Bearer scoped-key", digests)).isTrue();
        assertThat(KeyDigests.authorizes("Bearer other-key", digests)).isFalse();
        assertThat(KeyDigests.authorizes("Basic scoped-key", digests)).isFalse();
        assertThat(KeyDigests.authorizes(null, digests)).isFalse();
        assertThat(KeyDigests.configured(Optional.of("  "), "x.key-sha256")).isEmpty();
        assertThat(KeyDigests.configured(Optional.empty(), "x.key-sha256")).isEmpty();
        assertThat(KeyDigests.authorizes("Bearer scoped-key", List.of())).isFalse();
        assertThatThrownBy(() -> KeyDigests.configured(Optional.of("nope"), "x.key-sha256"))
                .hasMessage("x.key-sha256 is not a hex SHA-256 digest");
    }
}
