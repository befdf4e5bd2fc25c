package io.casedesk.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Port helpers for servers bound to the loopback address. */
public final class FreePorts {

    /**
     * Where picked ports start: above the local stack's fixed ports (8081-8090, 15432, 19092) and below the
     * kernel's ephemeral range.
     */
    static final int LOWEST = 20_000;
    /** The ephemeral range's start where the kernel does not say (the IANA range, as on macOS). */
    private static final int DEFAULT_EPHEMERAL_START = 49_152;
    private static final Path LINUX_EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    /** Ports this JVM has handed out, so two picks never return the same port. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port that was free a moment ago on 127.0.0.1, chosen below the kernel's ephemeral range. A port the
     * kernel chose ({@code new ServerSocket(0)}) is one it may give the next outgoing connection too: a broker's
     * or a database's client socket could take it before the server it was picked for binds it. Outside that
     * range only a server asking for the port by number can take it.
     */
    public static int pick() {
        int highest = ephemeralStart() - 1;
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, highest + 1);
            if (HANDED_OUT.add(port) && isFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port on the loopback address between " + LOWEST + " and " + highest);
    }

    /** Whether something accepts connections on 127.0.0.1:{@code port}. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first port of the kernel's ephemeral range ("32768 60999" on Linux by default). */
    static int ephemeralStart() {
        try {
            if (Files.isReadable(LINUX_EPHEMERAL_RANGE)) {
                // Read by lines: a /proc file reports no size, and a read sized by it stops after the first byte.
                int start = Integer.parseInt(Files.readAllLines(LINUX_EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
                // A range that leaves no room below it (a tuned kernel): take the IANA range's start instead,
                // which is still rarely handed to outgoing connections first.
                return start > LOWEST + 1_000 ? start : DEFAULT_EPHEMERAL_START;
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the IANA range
        }
        return DEFAULT_EPHEMERAL_START;
    }

    private FreePorts() {
    }
}
