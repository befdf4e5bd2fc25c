package io.casedesk.deploy.kubernetes;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The kubectl on PATH, which renders kustomizations ({@code kubectl kustomize}); no cluster is needed. */
final class Kubectl {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Path executable;

    private Kubectl(Path executable) {
        this.executable = executable;
    }

    /** Fails, never skips, when kubectl is missing: the manifests must be checked on every build. */
    static Kubectl onPath() {
        return find().map(Kubectl::new).orElseThrow(() -> new IllegalStateException(
                "kubectl is not on PATH, but the Kubernetes manifests are rendered with 'kubectl kustomize'. "
                        + "Install it (Debian/Ubuntu: apt-get install kubernetes-client; .ci/run does this) and "
                        + "run the build again."));
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
        List<String> command = List.of(executable.toString(), "kustomize", directory.toString());
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
