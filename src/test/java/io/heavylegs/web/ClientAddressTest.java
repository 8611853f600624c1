package io.heavylegs.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The one rule for the client address (web/ClientAddress), without a server. */
class ClientAddressTest {

    private static final ClientAddress BEHIND_PROXY = new ClientAddress(List.of("10.0.0.5", "192.168.0.0/16",
            "[2001:db8::1]"));
    private static final ClientAddress DIRECT = new ClientAddress(List.of("none"));

    @Test
    void aDirectlyExposedAppBelievesNoHeader() {
        assertEquals("127.0.0.1", DIRECT.resolve("127.0.0.1", List.of("for=198.51.100.7"), List.of("198.51.100.8")));
        assertEquals("10.1.2.3", DIRECT.resolve("10.1.2.3", List.of(), List.of("198.51.100.8")));
        assertEquals("127.0.0.1", new ClientAddress(List.of()).resolve("127.0.0.1", List.of(),
                List.of("198.51.100.8")));
    }

    @Test
    void aPeerThatIsNotATrustedProxyIsTheClientWhateverItSends() {
        assertEquals("10.0.0.6", BEHIND_PROXY.resolve("10.0.0.6", List.of(), List.of("198.51.100.8")));
        assertEquals("203.0.113.9", BEHIND_PROXY.resolve("203.0.113.9", List.of("for=198.51.100.7"), List.of()));
    }

    @Test
    void theRightmostAddressThatIsNotATrustedProxyIsTheClient() {
        // The client sent "198.51.100.8" itself; the proxy appended what it saw
        assertEquals("203.0.113.9", BEHIND_PROXY.resolve("10.0.0.5", List.of(),
                List.of("198.51.100.8, 203.0.113.9")));
        // Two of our proxies in a row, and the header split over two lines
        assertEquals("203.0.113.9", BEHIND_PROXY.resolve("10.0.0.5", List.of(),
                List.of("198.51.100.8", "203.0.113.9, 192.168.4.4")));
        assertEquals("203.0.113.9:5555".split(":")[0], BEHIND_PROXY.resolve("10.0.0.5", List.of(),
                List.of("203.0.113.9:5555")));
    }

    @Test
    void forwardedIsReadByTheSameRule() {
        assertEquals("203.0.113.9", BEHIND_PROXY.resolve("10.0.0.5",
                List.of("for=198.51.100.8;proto=https, for=203.0.113.9;proto=https"), List.of()));
        assertEquals("2001:db8::7", BEHIND_PROXY.resolve("2001:db8:0:0:0:0:0:1",
                List.of("for=\"[2001:db8::7]:4711\", For=192.168.1.1"), List.of()));
        // A Forwarded header wins over X-Forwarded-For (RFC 7239, and Quarkus' default precedence)
        assertEquals("203.0.113.9", BEHIND_PROXY.resolve("10.0.0.5", List.of("for=203.0.113.9"),
                List.of("198.51.100.8")));
    }

    @Test
    void onlyTrustedHopsMeansTheLeftmostOne() {
        assertEquals("192.168.1.1", BEHIND_PROXY.resolve("10.0.0.5", List.of(), List.of("192.168.1.1")));
        assertEquals("10.0.0.5", BEHIND_PROXY.resolve("10.0.0.5", List.of(), List.of()));
    }

    @Test
    void whatIsNotAnAddressIsTheClientAsTheProxyReportedIt() {
        assertEquals("unknown", BEHIND_PROXY.resolve("10.0.0.5", List.of("for=198.51.100.8, for=unknown"),
                List.of()));
    }

    @Test
    void aMistypedProxyListStopsTheApp() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("proxy.example")));
    }
}
