package io.casedesk.ingress.email.service;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * How far a mailbox folder has been read: its UIDVALIDITY and the last UID whose events the broker acknowledged.
 * A small properties file, written atomically: it is two numbers that one reader instance owns, so a database
 * would add a dependency and nothing else (a mailbox has one reader; see the README).
 *
 * @param uidValidity 0 when nothing has been read yet
 */
public record ReadPosition(long uidValidity, long lastUid) {

    public static final ReadPosition START = new ReadPosition(0, 0);

    public ReadPosition after(long uid) {
        return new ReadPosition(uidValidity, Math.max(lastUid, uid));
    }

    public static ReadPosition load(Path file) {
        if (!Files.exists(file)) {
            return START;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            return new ReadPosition(Long.parseLong(properties.getProperty("uidValidity", "0")),
                    Long.parseLong(properties.getProperty("lastUid", "0")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written to a temporary file and moved over the old one, so a crash never leaves half a position. */
    public void save(Path file) {
        Properties properties = new Properties();
        properties.setProperty("uidValidity", Long.toString(uidValidity));
        properties.setProperty("lastUid", Long.toString(lastUid));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(out, "ingress-email IMAP read position");
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
