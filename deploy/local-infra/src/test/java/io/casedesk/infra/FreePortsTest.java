package io.casedesk.infra;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FreePortsTest {

    @Test
    void theEphemeralRangeIsTheKernelsWhereItSays() throws Exception {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        assumeTrue(Files.isReadable(range), "no Linux port range here");
        try (BufferedReader reader = Files.newBufferedReader(range)) {
            int start = Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
            assertThat(FreePorts.ephemeralStart()).isEqualTo(start > FreePorts.LOWEST + 1_000 ? start : 49_152);
        }
    }

    @Test
    void picksDistinctBindablePortsBelowTheEphemeralRange() throws Exception {
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.pick();
            assertThat(port).isBetween(FreePorts.LOWEST, FreePorts.ephemeralStart() - 1);
            assertThat(picked.add(port)).as("port %d picked twice", port).isTrue();
        }
        int port = picked.iterator().next();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(FreePorts.isListening(port)).isTrue();
        }
    }
}
