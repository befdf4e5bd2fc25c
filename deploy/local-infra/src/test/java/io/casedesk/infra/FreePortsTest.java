package io.casedesk.infra;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTest {

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
