package io.casedesk.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The demo firm's bundle, the one the local stack imports: {@code deploy/demo-data/lawfirm-demo.json}. */
public final class DemoBundle {

    private DemoBundle() {
    }

    /** The bundle's path: from this module, {@code ../deploy/demo-data/lawfirm-demo.json}. */
    public static Path path() {
        Path moduleDirectory = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path repository = moduleDirectory.toAbsolutePath().getParent();
        return repository.resolve("deploy").resolve("demo-data").resolve("lawfirm-demo.json").normalize();
    }

    /** The bundle as a JSON tree, read as the import endpoint reads it. */
    public static JsonNode tree() {
        try {
            return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The demo bundle is not valid JSON", e);
        }
    }

    /** The bundle's text; fails (never skips) when the file is missing. */
    public static String json() {
        Path path = path();
        if (!Files.isRegularFile(path)) {
            throw new AssertionError("The demo bundle is missing: expected it at " + path
                    + " (deploy/demo-data/lawfirm-demo.json in the repository)");
        }
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo bundle at " + path, e);
        }
    }
}
