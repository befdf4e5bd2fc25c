package io.casedesk.ingress.line.service;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureVerifierTest {

    private static final String SECRET = "channel-secret";
    private final WebhookSignatureVerifier verifier = new WebhookSignatureVerifier(SECRET);
    private final byte[] body = "{\"destination\":\"U1\",\"events\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void onlyTheHmacOfTheExactBytesWithTheChannelSecretIsValid() throws Exception {
        assertThat(verifier.isValid(sign(SECRET, body), body)).isTrue();
        assertThat(verifier.isValid(sign("another-secret", body), body)).isFalse();
        assertThat(verifier.isValid(sign(SECRET, body), (new String(body, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void missingOrGarbledSignaturesAreInvalid() {
        assertThat(verifier.isValid(null, body)).isFalse();
        assertThat(verifier.isValid("", body)).isFalse();
        assertThat(verifier.isValid("not base64 at all!", body)).isFalse();
    }

    private static String sign(String secret, byte[] content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content));
    }
}
