package io.casedesk.ingress.email.service;

import io.casedesk.ingress.email.config.EmailConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * The outbound event ids (the local part of our {@code Message-ID}s) of the mails this service sent, kept across
 * restarts, so that a bounce counts only when it names a mail we did send: a forged bounce that quotes a made-up
 * {@code <id@our domain>} is not taken for one of ours. An append-only file beside the read position, one id a line;
 * the newest {@code casedesk.email.sent-ids-capacity} are kept (the file is rewritten when it holds twice that).
 */
@ApplicationScoped
public class SentMessageIds {

    private final Path file;
    private final int capacity;
    private final LinkedHashSet<String> ids = new LinkedHashSet<>();
    private int linesInFile;

    @Inject
    public SentMessageIds(EmailConfig config,
            @ConfigProperty(name = "casedesk.email.sent-ids-capacity", defaultValue = "100000") int capacity) {
        this(Path.of(config.imap().dataDir(), "sent-message-ids.txt"), capacity);
    }

    SentMessageIds(Path file, int capacity) {
        this.file = file;
        this.capacity = capacity;
        if (Files.exists(file)) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                linesInFile = lines.size();
                lines.stream().map(String::trim).filter(line -> !line.isEmpty()).forEach(this::keep);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
    }

    /** Records a sent mail's outbound event id, durably, before the caller goes on. */
    public synchronized void remember(String outboundEventId) {
        String id = outboundEventId.toLowerCase(Locale.ROOT);
        if (ids.contains(id)) {
            return;
        }
        keep(id);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            if (++linesInFile > 2 * capacity) {
                compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Whether a mail with this outbound event id was sent (among the newest {@code capacity}). */
    public synchronized boolean wasSent(String outboundEventId) {
        return ids.contains(outboundEventId.toLowerCase(Locale.ROOT));
    }

    private void keep(String id) {
        ids.add(id);
        var oldestFirst = ids.iterator();
        while (ids.size() > capacity) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }

    private void compact() throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, new ArrayList<>(ids), StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        linesInFile = ids.size();
    }
}
