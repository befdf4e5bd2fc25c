package io.casedesk.schema;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A sentence embedding of one exact text, carried on an event so that a later reader with the same model need not
 * compute it again: the classifier embeds the text it reads, and the responder's knowledge search reuses the vector
 * when the question it would embed is that same text. The text itself is not carried, only its SHA-256, so the event
 * repeats nothing of the message; a reader with another model or another text computes its own.
 *
 * @param model    the model and its pooling, e.g. {@link #BGE_SMALL_ZH_V15_Q}
 * @param textHash the SHA-256 (hex) of the text as it was embedded (UTF-8)
 * @param vector   the vector as little-endian 32-bit floats, base64
 */
public record TextEmbedding(String model, String textHash, String vector) {

    /** LangChain4j's bundled bge-small-zh v1.5 (quantized), its CLS vector. */
    public static final String BGE_SMALL_ZH_V15_Q = "bge-small-zh-v1.5-q/cls";

    public static TextEmbedding of(String model, String text, float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return new TextEmbedding(model, hash(text), Base64.getEncoder().encodeToString(bytes.array()));
    }

    /** The vector, when it was made by {@code model} from exactly {@code text}. */
    public Optional<float[]> vectorFor(String model, String text) {
        if (!model.equals(this.model) || vector == null || text == null || !hash(text).equals(textHash)) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(vector)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(values);
        return values.length == 0 ? Optional.empty() : Optional.of(values);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
