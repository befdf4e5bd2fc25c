package io.casedesk.launcher.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time of processes from Linux's {@code /proc/<pid>/stat}: user plus system time, of a process and of all its
 * descendants (PostgreSQL is a postmaster with a process per connection), including the children that have ended and
 * been waited for.
 */
public final class ProcessCpu {

    /**
     * Clock ticks per second of the times in {@code /proc/<pid>/stat}: {@code USER_HZ}, which the kernel's interface to
     * user space fixes at 100 on Linux whatever the kernel's own tick rate.
     */
    static final long TICKS_PER_SECOND = 100;

    /** The fields of one {@code stat} line this class uses; times in clock ticks. */
    record Stat(long pid, String command, long parentPid, long userTicks, long systemTicks, long childUserTicks,
            long childSystemTicks) {

        /** CPU time of the process itself, in milliseconds. */
        long ownMillis() {
            return ticksToMillis(userTicks + systemTicks);
        }

        /** CPU time of its children that have ended and been waited for, in milliseconds. */
        long endedChildrenMillis() {
            return ticksToMillis(childUserTicks + childSystemTicks);
        }
    }

    /**
     * Parses a {@code /proc/<pid>/stat} line. The command (field 2) is in parentheses and may itself hold spaces and
     * parentheses, so the fields after it are counted from its last closing parenthesis.
     *
     * @throws IllegalArgumentException when the line is not of that shape
     */
    static Stat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 1 || close < open) {
            throw new IllegalArgumentException("Not a /proc/<pid>/stat line: " + abbreviate(line));
        }
        String[] rest = line.substring(close + 1).trim().split("\\s+");
        // rest[0] is field 3 (state): field n is rest[n - 3].
        if (rest.length < 15) {
            throw new IllegalArgumentException("A /proc/<pid>/stat line with too few fields: " + abbreviate(line));
        }
        try {
            return new Stat(Long.parseLong(line.substring(0, open).trim()), line.substring(open + 1, close),
                    Long.parseLong(rest[4 - 3]), Long.parseLong(rest[14 - 3]), Long.parseLong(rest[15 - 3]),
                    Long.parseLong(rest[16 - 3]), Long.parseLong(rest[17 - 3]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A /proc/<pid>/stat line with a field that is not a number: "
                    + abbreviate(line), e);
        }
    }

    /** The {@code stat} of a running process, or empty when it is gone. */
    static java.util.Optional<Stat> read(long pid) {
        try {
            return java.util.Optional.of(parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"),
                    StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * CPU milliseconds used so far by {@code pid} and every process below it (those running now, and those that ended
     * and were waited for by a process of the tree), or empty when {@code pid} is gone.
     */
    public static OptionalLong treeMillis(long pid) {
        java.util.Optional<Stat> root = read(pid);
        if (root.isEmpty()) {
            return OptionalLong.empty();
        }
        long total = root.get().ownMillis() + root.get().endedChildrenMillis();
        for (ProcessHandle descendant : ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(java.util.List.of())) {
            total += read(descendant.pid()).map(stat -> stat.ownMillis() + stat.endedChildrenMillis()).orElse(0L);
        }
        return OptionalLong.of(total);
    }

    /** CPU milliseconds used so far by this JVM (the load generator). */
    public static long selfMillis() {
        return treeMillis(ProcessHandle.current().pid()).orElse(0);
    }

    /** The whole machine's CPU time so far, every process's (other users' too), from the first line of /proc/stat. */
    record Machine(long busyTicks, long totalTicks) {

        /** The busy share of the machine between {@code earlier} and this sample, 0 to 1. */
        double busySince(Machine earlier) {
            long total = totalTicks - earlier.totalTicks;
            return total <= 0 ? 0 : (double) (busyTicks - earlier.busyTicks) / total;
        }
    }

    /**
     * Parses the {@code cpu} line of {@code /proc/stat}: user, nice, system, idle, iowait, irq, softirq, steal (the
     * guest times are already counted in user and nice); idle and iowait are the idle time.
     */
    static Machine parseMachine(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        if (fields.length < 9 || !fields[0].equals("cpu")) {
            throw new IllegalArgumentException("Not the cpu line of /proc/stat: " + abbreviate(cpuLine));
        }
        long total = 0;
        for (int i = 1; i <= 8; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new Machine(total - idle, total);
    }

    /** The machine's CPU time so far, or empty where there is no /proc/stat. */
    static java.util.Optional<Machine> machine() {
        try {
            return java.util.Optional.of(parseMachine(Files.readAllLines(Path.of("/proc/stat")).get(0)));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** {@code /proc/loadavg}'s three load averages, as {@code uptime} prints them, or {@code ?}. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static long ticksToMillis(long ticks) {
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    private static String abbreviate(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }

    private ProcessCpu() {
    }
}
