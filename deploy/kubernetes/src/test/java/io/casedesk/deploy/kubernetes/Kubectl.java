package io.casedesk.deploy.kubernetes;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The kubectl on PATH, which renders kustomizations ({@code kubectl kustomize}); no cluster is needed. */
final class Kubectl {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Path executable;

    private Kubectl(Path executable) {
        this.executable = executable;
    }

    /** The kustomize major version the manifests are written for ("resources", "patches", "components"). */
    static final int KUSTOMIZE_MAJOR = 5;

    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("\"kustomizeVersion\"\\s*:\\s*\"v?(\\d+)[^\"]*\"");
    private static volatile Kubectl checked;

    /**
     * Fails, never skips, when kubectl is missing or its kustomize is older than v5: the manifests must be checked
     * on every build, and an older kustomize would reject (v2, in kubectl before 1.21) or misread them.
     */
    static Kubectl onPath() {
        Kubectl kubectl = checked;
        if (kubectl == null) {
            kubectl = find().map(Kubectl::new).orElseThrow(() -> new IllegalStateException(
                    "kubectl is not on PATH, but the Kubernetes manifests are rendered with 'kubectl kustomize'. "
                            + "Install kubectl 1.27 or later (its kustomize v5) and run the build again."));
            String version = kubectl.run(List.of("version", "--client", "-o", "json"));
            Matcher matcher = KUSTOMIZE_VERSION.matcher(version);
            if (!matcher.find() || Integer.parseInt(matcher.group(1)) < KUSTOMIZE_MAJOR) {
                throw new IllegalStateException("The kubectl at " + kubectl.executable + " has no kustomize v"
                        + KUSTOMIZE_MAJOR + " or later (it says: " + version.replaceAll("\\s+", " ").trim()
                        + "); the manifests use kustomize v5's fields. Install kubectl 1.27 or later.");
            }
            checked = kubectl;
        }
        return kubectl;
    }

    private static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The YAML that {@code kubectl kustomize <dir>} prints; fails with kubectl's own message on an error. */
    String kustomize(Path directory) {
        return run(List.of("kustomize", directory.toString()));
    }

    /** What kubectl prints on stdout for these arguments; fails with its own message on an error. */
    private String run(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        try {
            Path stdout = Files.createTempFile("kustomize", ".yaml");
            Path stderr = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();
                if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT);
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
                            + process.exitValue() + ":\n" + Files.readString(stderr, StandardCharsets.UTF_8));
                }
                return Files.readString(stdout, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
    }
}
