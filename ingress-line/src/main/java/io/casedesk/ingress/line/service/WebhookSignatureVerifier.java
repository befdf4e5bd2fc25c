package io.casedesk.ingress.line.service;

import com.linecorp.bot.parser.LineSignatureValidator;
import io.casedesk.ingress.line.config.LineConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/** Checks {@code X-Line-Signature} with the LINE SDK's validator (HMAC-SHA256, compared in constant time). */
@Singleton
public class WebhookSignatureVerifier {

    private final LineSignatureValidator validator;

    @Inject
    public WebhookSignatureVerifier(LineConfig config) {
        this(config.channelSecret());
    }

    WebhookSignatureVerifier(String channelSecret) {
        this.validator = new LineSignatureValidator(channelSecret.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code signature} signs exactly these bytes; a missing or non-base64 signature is not valid. */
    public boolean isValid(String signature, byte[] body) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        try {
            return validator.validateSignature(body, signature.trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
