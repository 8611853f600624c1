package io.heavylegs.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Who sent a request, for the login throttle and the audit log: one rule for every forwarding header.
 * <ul>
 * <li>A forwarding header is believed only when the direct peer (the TCP connection's other end) is one of the
 * configured trusted proxies, {@code heavylegs.trusted-proxies}. By default there are none: a directly exposed
 * app believes no header at all.</li>
 * <li>From a trusted proxy, the chain of addresses is read (from {@code Forwarded: for=…}, or when there is no
 * {@code Forwarded} header from {@code X-Forwarded-For}) and walked from the right, the peer itself last: the
 * first address that is not a trusted proxy is the client. Proxies append what they saw, so everything left of
 * that is whatever the client chose to send and is ignored.</li>
 * </ul>
 * Quarkus' own forwarding support (scheme for Secure cookies and redirects) is given the same trusted proxies in
 * application.properties; it would take the leftmost address, which is why the address is decided here, and it
 * reads only {@code X-Forwarded-Proto}; {@link #isHttps} also knows a trusted {@code Forwarded: proto=https}.
 */
@ApplicationScoped
public class ClientAddress {


    /** A CIDR block, or one address; "[::1]" and "::1" alike. */
    record Block(byte[] network, int bits) {

        static Block parse(String text) {
            String value = text.strip();
            int slash = value.indexOf('/');
            String address = slash < 0 ? value : value.substring(0, slash);
            InetAddress parsed = literal(address)
                    .orElseThrow(() -> new IllegalArgumentException("Not an IP address or CIDR block: " + text));
            byte[] bytes = parsed.getAddress();
            int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(value.substring(slash + 1));
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("Not a CIDR block: " + text);
            }
            return new Block(bytes, bits);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Block> trusted;

    @jakarta.inject.Inject
    ClientAddress(HeavyLegsConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip)
                .filter(value -> !value.isEmpty() && !value.equalsIgnoreCase("none")).map(Block::parse).toList();
    }

    /** Where the client address of a request is kept once decided. */
    private static final String KEY = "heavylegs.client-address";
    private static final String HTTPS_KEY = "heavylegs.https";

    void register(@Observes Filters filters) {
        filters.register(this::decide, FilterOrder.FORWARDED_HEADERS);
    }

    /**
     * Decides the client address and whether the browser used HTTPS before anything else runs. Quarkus is not
     * allowed to read {@code Forwarded} (it would believe its {@code host=}, and answer 400 to an element without
     * one), so the header is removed here; from a trusted proxy its {@code proto=https} counts through
     * {@link #isHttps} (the cookies, web/CookieRules) and the redirects' scheme, set here as the headers leave.
     */
    private void decide(RoutingContext context) {
        HttpServerRequest request = context.request();
        String peer = peerOf(request);
        List<String> forwarded = request.headers().getAll("Forwarded");
        context.put(KEY, peer == null ? "unknown"
                : resolve(peer, forwarded, request.headers().getAll("X-Forwarded-For")));
        boolean fromProxy = peer != null && isTrusted(peer);
        boolean https = request.isSSL() || fromProxy && "https".equals(forwardedProto(request, forwarded));
        context.put(HTTPS_KEY, https);
        if (!forwarded.isEmpty()) {
            request.headers().remove("Forwarded");
        }
        if (https) {
            // Form authentication builds its redirects from the request's own scheme
            String own = request.authority() == null ? null : "http://" + request.authority() + "/";
            context.addHeadersEndHandler(ignored -> {
                String location = context.response().headers().get("Location");
                if (own != null && location != null && location.startsWith(own)) {
                    context.response().headers().set("Location", "https://" + location.substring(7));
                }
            });
        }
        context.next();
    }

    /** The proto of the nearest proxy: its Forwarded element if there is one, else X-Forwarded-Proto. */
    private static String forwardedProto(HttpServerRequest request, List<String> forwarded) {
        if (!forwarded.isEmpty()) {
            return lastProto(forwarded).orElse(null);
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        if (proto == null) {
            return null;
        }
        String[] hops = proto.split(",");
        return hops[hops.length - 1].strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the browser used HTTPS: directly, or by the word of a trusted proxy. Quarkus' own view
     * ({@code request.isSSL()}) misses {@code Forwarded: proto=https}, which it is not allowed to read.
     */
    public static boolean isHttps(RoutingContext context) {
        Boolean https = context.get(HTTPS_KEY);
        return https != null ? https : context.request().isSSL();
    }

    /** The client of this request, by the rule above; "unknown" if the connection has no address. */
    public String of(RoutingContext context) {
        String decided = context.get(KEY);
        if (decided != null) {
            return decided;
        }
        HttpServerRequest request = context.request();
        String peer = peerOf(request);
        return peer == null ? "unknown" : resolve(peer, request.headers().getAll("Forwarded"),
                request.headers().getAll("X-Forwarded-For"));
    }

    /** The connection's own peer, whatever Quarkus' forwarding support made of the request's address. */
    private static String peerOf(HttpServerRequest request) {
        SocketAddress peer = request.connection() == null ? request.remoteAddress()
                : request.connection().remoteAddress();
        return peer == null ? null : peer.hostAddress();
    }

    /** The proto of the last element: the one the nearest proxy, ours, appended. */
    static Optional<String> lastProto(List<String> headers) {
        String last = headers.get(headers.size() - 1);
        String[] elements = last.split(",");
        for (String pair : elements[elements.length - 1].split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase("proto")) {
                String proto = unquote(pair.substring(equals + 1).strip()).toLowerCase(Locale.ROOT);
                if (proto.equals("https") || proto.equals("http")) {
                    return Optional.of(proto);
                }
            }
        }
        return Optional.empty();
    }

    String resolve(String peer, List<String> forwarded, List<String> xForwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> chain = !forwarded.isEmpty() ? forwardedFor(forwarded) : listed(xForwardedFor);
        chain.add(peer);
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!isTrusted(chain.get(i))) {
                return chain.get(i);
            }
        }
        // Every hop was one of ours: the leftmost is the closest we know to the client
        return chain.get(0);
    }

    private boolean isTrusted(String address) {
        Optional<InetAddress> parsed = literal(address);
        return parsed.isPresent() && trusted.stream().anyMatch(block -> block.contains(parsed.get()));
    }

    /** The {@code for=} values of RFC 7239 headers, in order, without quotes, brackets or ports. */
    static List<String> forwardedFor(List<String> headers) {
        List<String> chain = new ArrayList<>();
        for (String header : headers) {
            for (String element : header.split(",")) {
                for (String pair : element.split(";")) {
                    int equals = pair.indexOf('=');
                    if (equals > 0 && pair.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("for")) {
                        chain.add(withoutPort(unquote(pair.substring(equals + 1).strip())));
                    }
                }
            }
        }
        return chain;
    }

    private static List<String> listed(List<String> headers) {
        List<String> chain = new ArrayList<>();
        for (String header : headers) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    chain.add(withoutPort(hop.strip()));
                }
            }
        }
        return chain;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** "[2001:db8::1]:4711" → "2001:db8::1", "192.0.2.1:4711" → "192.0.2.1"; a bare IPv6 address is left alone. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close > 0 ? hop.substring(1, close) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    /** Only IP literals: a name must never be looked up in DNS here. */
    private static Optional<InetAddress> literal(String text) {
        String value = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ipv4 = value.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = value.contains(":") && value.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(value));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
